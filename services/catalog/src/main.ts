import { bootstrapService } from '@sangeyipi/platform';
import { CatalogModule } from './catalog.module';

void bootstrapService(CatalogModule, { name: 'catalog' });
