import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import { runStaffCommand } from '../staff-command';
import type { DeliverDocumentDto } from './deliver-document.dto';

/** A clerk of the case's unit records delivery; the case is then completed. */
@Injectable()
export class DeliverDocumentHandler {
  constructor(private readonly cases: CaseStreams) {}

  execute(caseId: string, dto: DeliverDocumentDto, user: AuthenticatedUser): Promise<CaseCommandResult> {
    return runStaffCommand(this.cases, caseId, user, 'clerk', { type: 'DeliverDocument', documentId: dto.documentId, method: dto.method }, dto.expectedVersion);
  }
}
