import { ForbiddenException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { EventBackboneService } from '@sangeyipi/messaging';
import { ExpectedVersion, PostgresEventStore } from '@sangeyipi/eventstore';
import { CorrelationContext, type AuthenticatedUser } from '@sangeyipi/platform';
import { handlerStreamId, type HandlerBackupNamed } from '../handler-backup.streams';
import type { NameBackupDto } from './name-backup.dto';
import { currentCommandTransaction } from '../../idempotency/command-transaction';

/** A unit admin names (or changes) a handler's backup; the latest naming counts. */
@Injectable()
export class NameBackupHandler {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly backbone: EventBackboneService,
  ) {}

  async execute(unitId: string, handlerUserId: string, dto: NameBackupDto, user: AuthenticatedUser): Promise<HandlerBackupNamed['data']> {
    requireUnitAdmin(user, unitId);
    if (dto.backupUserId === handlerUserId) {
      throw new UnprocessableEntityException({ code: 'backup-is-handler', message: 'a handler cannot be their own backup' });
    }
    const event: HandlerBackupNamed = { type: 'cases.HandlerBackupNamed', data: { unitId, handlerUserId, backupUserId: dto.backupUserId } };
    await this.store.append(handlerStreamId(unitId, handlerUserId), ExpectedVersion.Any, [event], {
      metadata: {
        correlationId: CorrelationContext.current() ?? CorrelationContext.accept(undefined),
        actor: { id: user.userId, role: 'unit_admin' },
        unitId,
        regionCode: user.regionCode ?? '',
      },
      manager: currentCommandTransaction(),
    });
    this.backbone.notifyAppended();
    return event.data;
  }
}

/** Only the unit's own administrators arrange its backups. */
export function requireUnitAdmin(user: AuthenticatedUser, unitId: string): void {
  if (!user.roles.includes('unit_admin') || user.unitId !== unitId) throw new ForbiddenException('only the unit’s administrators arrange its backups');
}
