import { Module } from '@nestjs/common';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the projects service. */
@Module({
  imports: [PlatformModule.forService({ name: 'projects' })],
})
export class ProjectsModule {}
