import { bootstrapService } from '@sangeyipi/platform';
import { GatewayModule } from './gateway.module';

void bootstrapService(GatewayModule, { name: 'gateway' });
