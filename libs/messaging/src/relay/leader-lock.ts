import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Leadership held as a PostgreSQL session advisory lock on one dedicated connection of the
 * service's own database. If the leader dies or its connection drops, the database releases
 * the lock and another replica takes over; no clock or lease to tune.
 */
export class PostgresLeaderLock {
  private session?: QueryRunner;
  private held = false;

  constructor(
    private readonly dataSource: DataSource,
    readonly name: string,
  ) {}

  get isHeld(): boolean {
    return this.held && !!this.session && !this.session.isReleased;
  }

  /** Tries once; returns whether this process is the leader now. */
  async tryAcquire(): Promise<boolean> {
    if (this.isHeld) return this.checkAlive();
    this.session ??= this.dataSource.createQueryRunner();
    try {
      const [row] = await this.session.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS acquired`, [`leader:${this.name}`]);
      this.held = row.acquired === true;
    } catch {
      await this.dropSession();
    }
    return this.held;
  }

  async release(): Promise<void> {
    if (this.held && this.session && !this.session.isReleased) {
      await this.session.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [`leader:${this.name}`]).catch(() => undefined);
    }
    await this.dropSession();
  }

  private async checkAlive(): Promise<boolean> {
    try {
      await this.session!.query('SELECT 1');
      return true;
    } catch {
      await this.dropSession();
      return false;
    }
  }

  private async dropSession(): Promise<void> {
    this.held = false;
    const session = this.session;
    this.session = undefined;
    if (session && !session.isReleased) await session.release().catch(() => undefined);
  }
}
