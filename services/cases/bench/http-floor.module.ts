// The floor under bench:cases (BENCH_FLOOR=1): the same platform stack as the cases service — bearer
// tokens, validation, JSON logging, metrics, correlation ids, the event store, the relay to Kafka —
// serving one command that validates a small body and appends one event to a new stream. No domain
// rules, no catalog lookup, no read models: what every command costs before the cases service's own work.
import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { PostgresEventStore } from '@sangeyipi/eventstore';
import { BACKBONE_DATABASE, EventBackboneModule, EventBackboneService } from '@sangeyipi/messaging';
import { CorrelationContext, CurrentUser, PlatformModule, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { IsString, Length } from 'class-validator';

class FloorCommandDto {
  @IsString()
  @Length(1, 64)
  badge!: string;
}

@Controller('floor')
class FloorController {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly backbone: EventBackboneService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('clerk', 'reviewer', 'decider')
  async command(@Body() dto: FloorCommandDto, @CurrentUser() user: AuthenticatedUser) {
    const caseId = randomUUID();
    const event = {
      type: 'cases.CaseReceived',
      data: {
        caseId,
        receiptVoucherNumber: `SJ-FLOOR-${caseId.slice(0, 8)}`,
        itemId: 'item-floor',
        unitId: user.unitId ?? '',
        applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: caseId },
        channel: 'CHANNEL_WINDOW',
        materialsReceived: [{ materialId: 'M01', name: '申请书', copies: 1 }],
        handlerBadge: dto.badge,
      },
    };
    const metadata = { correlationId: CorrelationContext.current() ?? randomUUID(), actor: { id: user.userId, role: user.roles[0] }, unitId: user.unitId ?? '', regionCode: user.regionCode ?? '' };
    const result = await this.store.append(`case-${caseId}`, 0, [event], { metadata, knownHeadHash: '' });
    this.backbone.notifyAppended();
    return { caseId, version: result.nextVersion };
  }
}

@Module({
  imports: [PlatformModule.forService({ name: 'cases', ...BACKBONE_DATABASE }), EventBackboneModule.forService({ context: 'cases' })],
  controllers: [FloorController],
})
export class HttpFloorModule {}
