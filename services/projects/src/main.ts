import { bootstrapService } from '@sangeyipi/platform';
import { ProjectsModule } from './projects.module';

void bootstrapService(ProjectsModule, { name: 'projects' });
