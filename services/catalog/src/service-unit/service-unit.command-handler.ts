import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CorrelationContext, levelOfRegion, type AuthenticatedUser } from '@sangeyipi/platform';
import { CatalogStreams } from '../catalog-streams.repository';
import { decideRegistration, serviceUnitStreamId, type ServiceUnit } from './service-unit.decider';

/** Registers service units; the route lets only the operations team in. */
@Injectable()
export class ServiceUnitCommandHandler {
  constructor(private readonly streams: CatalogStreams) {}

  async register(user: AuthenticatedUser, unit: ServiceUnit): Promise<ServiceUnit> {
    const { state, version } = await this.streams.loadUnit(unit.unitId);
    const events = decideRegistration({ type: 'RegisterUnit', data: { ...unit, regionLevel: levelOfRegion(unit.regionCode) } }, state);
    await this.streams.append([{ streamId: serviceUnitStreamId(unit.unitId), expectedVersion: version, events }], {
      correlationId: CorrelationContext.current() ?? randomUUID(),
      actor: { id: user.userId, role: 'operations_admin' },
      regionCode: unit.regionCode,
    });
    return unit;
  }
}
