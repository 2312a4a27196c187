import { acceptCommand, CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from '../case-streams.fake';
import type { CaseCommand } from '../case.decider';
import { DeliverDocumentHandler } from './deliver-document.handler';

const decided: CaseCommand[] = [
  { type: 'CompleteStep', step: 'APPROVAL_STEP_HANDLE', staff: { userId: 'c', badge: 'b' }, opinion: '', today: '2025-09-29' },
  { type: 'CompleteStep', step: 'APPROVAL_STEP_REVIEW', staff: { userId: 'r', badge: 'b' }, opinion: '', today: '2025-09-29' },
  { type: 'CompleteStep', step: 'APPROVAL_STEP_DECIDE', staff: { userId: 'd', badge: 'b' }, opinion: '', today: '2025-09-29', decision: { outcome: 'DECISION_APPROVED', reasons: [], legalBasis: 'x' } },
  { type: 'IssueDocument', documentId: 'doc-1', documentNumber: 'JY-1', today: '2025-09-29' },
];

describe('DeliverDocumentHandler', () => {
  it('records delivery of the issued document and completes the case', async () => {
    const world = inMemoryCaseStreams();
    world.given(CASE_ID, receiveCommand(), acceptCommand, ...decided);
    const handler = new DeliverDocumentHandler(world.cases);
    await expect(handler.execute(CASE_ID, { documentId: 'doc-x', method: 'DELIVERY_METHOD_POST' }, staff('clerk-1', 'clerk'))).rejects.toMatchObject({ code: 'document-not-found' });
    await handler.execute(CASE_ID, { documentId: 'doc-1', method: 'DELIVERY_METHOD_ELECTRONIC' }, staff('clerk-1', 'clerk'));
    expect(world.state(CASE_ID).status).toBe('completed');
  });
});
