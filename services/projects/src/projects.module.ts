import { Module } from '@nestjs/common';
import { BACKBONE_DATABASE, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the projects service. */
@Module({
  imports: [PlatformModule.forService({ name: 'projects', ...BACKBONE_DATABASE }), EventBackboneModule.forService({ context: 'projects' })],
})
export class ProjectsModule {}
