import { acceptCommand, CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from '../case-streams.fake';
import type { CaseCommand } from '../case.decider';
import { IssueDocumentHandler } from './issue-document.handler';

const steps: CaseCommand[] = [
  { type: 'CompleteStep', step: 'APPROVAL_STEP_HANDLE', staff: { userId: 'c', badge: 'b' }, opinion: '', today: '2025-09-29' },
  { type: 'CompleteStep', step: 'APPROVAL_STEP_REVIEW', staff: { userId: 'r', badge: 'b' }, opinion: '', today: '2025-09-29' },
  {
    type: 'CompleteStep',
    step: 'APPROVAL_STEP_DECIDE',
    staff: { userId: 'd', badge: 'b' },
    opinion: '',
    today: '2025-09-29',
    decision: { outcome: 'DECISION_DENIED', reasons: ['场所不符合要求'], legalBasis: 'x' },
  },
];

describe('IssueDocumentHandler', () => {
  it('issues the denial notice of a denied case under a new document id', async () => {
    const world = inMemoryCaseStreams();
    world.given(CASE_ID, receiveCommand(), acceptCommand, ...steps);
    const result = await new IssueDocumentHandler(world.cases).execute(CASE_ID, { documentNumber: 'BY-1' }, staff('clerk-1', 'clerk'));
    expect(world.events(CASE_ID).at(-1)).toMatchObject({ type: 'cases.DocumentIssued', data: { documentId: result.documentId, kind: 'DOCUMENT_KIND_DENIAL_NOTICE' } });
  });

  it('refuses before the decision', async () => {
    const world = inMemoryCaseStreams();
    world.given(CASE_ID, receiveCommand(), acceptCommand);
    await expect(new IssueDocumentHandler(world.cases).execute(CASE_ID, { documentNumber: 'BY-1' }, staff('clerk-1', 'clerk'))).rejects.toMatchObject({ code: 'action-not-allowed' });
  });
});
