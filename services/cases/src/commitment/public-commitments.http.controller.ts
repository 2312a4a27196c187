import { Controller, Get, Query } from '@nestjs/common';
import { Public } from '@sangeyipi/platform';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';

class CommitmentQuery {
  /** Only this unit's commitments. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unitId?: string;
}

/**
 * Public (no token): the published commitments (告知承诺) — cases decided on the applicant's written
 * commitment, and whether the decision still stands. No personal data.
 */
@Public()
@Controller('public/commitments')
export class PublicCommitmentsHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async list(@Query() query: CommitmentQuery) {
    const rows = (await this.dataSource.query(
      `SELECT case_id, unit_id, item_id, decided_on, status FROM cases_case_summaries
        WHERE commitment_signed AND decided_on IS NOT NULL AND ($1::text IS NULL OR unit_id = $1)
        ORDER BY decided_on DESC, case_id LIMIT 500`,
      [query.unitId ?? null],
    )) as { case_id: string; unit_id: string; item_id: string; decided_on: string; status: string }[];
    return rows.map((r) => ({ caseId: r.case_id, unitId: r.unit_id, itemId: r.item_id, decidedOn: r.decided_on, revoked: r.status === 'revoked' }));
  }
}
