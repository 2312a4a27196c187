import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { StreamVersionConflictError } from '@sangeyipi/eventstore';
import { CLOCK, toShanghaiDate, WorkingDayCalendar, type Clock } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { ProjectsConfig } from '../config/projects-config.schema';
import { commandMetadata, ProjectStreams, projectStreamId } from '../shared/project-streams.repository';
import { decideApprovalChain } from './approval-chain.decider';

const SCANNER = { userId: 'system:approval-risk-scanner', roles: [] };

/**
 * Time alone can put a chain at risk (a case runs past its committed deadline), so every running chain not
 * yet flagged is assessed again every PROJECTS_RISK_SCAN_MS. Every replica may run it: the append at the
 * version read and the decider's "flag once" make each flag exist once; a lost race is left to the winner.
 */
@Injectable()
export class ApprovalRiskScanner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ApprovalRiskScanner');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly streams: ProjectStreams,
    private readonly calendar: WorkingDayCalendar,
    private readonly config: ProjectsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.PROJECTS_RISK_SCAN_MS <= 0) return;
    this.timer = setInterval(() => void this.scanOnce().catch((error: unknown) => this.logger.error({ err: error }, 'approval risk scan failed')), this.config.PROJECTS_RISK_SCAN_MS);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Assesses every running, unflagged chain once; answers how many were flagged. */
  scanOnce(): Promise<number> {
    this.running ??= this.scan().finally(() => (this.running = undefined));
    return this.running;
  }

  private async scan(): Promise<number> {
    const today = toShanghaiDate(this.clock.now());
    const candidates = (await this.dataSource.query(
      `SELECT project_id FROM projects_projects WHERE chain_planned AND chain_flagged_on IS NULL AND chain_completed_on IS NULL`,
    )) as { project_id: string }[];
    let flagged = 0;
    for (const { project_id: projectId } of candidates) {
      const { state, version } = await this.streams.loadProject(projectId);
      if (state.status === 'none') continue;
      const events = decideApprovalChain({ type: 'EvaluateRisk', data: { today } }, state, this.calendar);
      if (events.length === 0) continue;
      try {
        await this.streams.append([{ streamId: projectStreamId(projectId), expectedVersion: version, events }], commandMetadata(SCANNER, 'system', state.listRegionCode));
        flagged += 1;
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError)) throw error; // another replica or a command was first
      }
    }
    return flagged;
  }
}
