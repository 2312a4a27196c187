import { Controller, Get } from '@nestjs/common';
import { Roles } from '@sangeyipi/platform';
import { DeliveryOutboxRepository, type FailedDelivery } from './delivery-outbox.repository';

/** Operators' view of deliveries that failed for good (no addresses, no message text). */
@Controller('deliveries/failed')
@Roles('operations_admin', 'auditor')
export class FailedDeliveriesHttpController {
  constructor(private readonly outbox: DeliveryOutboxRepository) {}

  @Get()
  async list(): Promise<{ deliveries: FailedDelivery[] }> {
    return { deliveries: await this.outbox.listFailed(100) };
  }
}
