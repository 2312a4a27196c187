import { createServiceApp } from '@sangeyipi/platform';
import { describeServiceOperability } from '@sangeyipi/testing';
import { GatewayModule } from '../../src/gateway.module';

describeServiceOperability('gateway', (env) => createServiceApp(GatewayModule, { env }));
