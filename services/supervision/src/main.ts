import { bootstrapService } from '@sangeyipi/platform';
import { SupervisionModule } from './supervision.module';

void bootstrapService(SupervisionModule, { name: 'supervision' });
