import { bootstrapService } from '@sangeyipi/platform';
import { CasesModule } from './cases.module';

void bootstrapService(CasesModule, { name: 'cases' });
