import { createServiceApp } from '@sangeyipi/platform';
import { describeServiceOperability } from '@sangeyipi/testing';
import { ProjectsModule } from '../../src/projects.module';

describeServiceOperability('projects', (env) => createServiceApp(ProjectsModule, { env }));
