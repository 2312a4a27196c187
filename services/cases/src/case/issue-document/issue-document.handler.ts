import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import { runStaffCommand } from '../staff-command';
import type { IssueDocumentDto } from './issue-document.dto';

/** A clerk of the case's unit issues the document of the decision; on the spot when in the same visit. */
@Injectable()
export class IssueDocumentHandler {
  constructor(private readonly cases: CaseStreams) {}

  async execute(caseId: string, dto: IssueDocumentDto, user: AuthenticatedUser): Promise<CaseCommandResult & { documentId: string }> {
    const documentId = randomUUID();
    const command = { type: 'IssueDocument', documentId, documentNumber: dto.documentNumber, today: this.cases.today() } as const;
    return { ...(await runStaffCommand(this.cases, caseId, user, 'clerk', command, dto.expectedVersion)), documentId };
  }
}
