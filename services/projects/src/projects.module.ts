import { Module } from '@nestjs/common';
import { BACKBONE_MIGRATIONS, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the projects service. */
@Module({
  imports: [PlatformModule.forService({ name: 'projects', migrations: BACKBONE_MIGRATIONS }), EventBackboneModule.forService({ context: 'projects' })],
})
export class ProjectsModule {}
