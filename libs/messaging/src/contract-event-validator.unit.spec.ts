import { InvalidAppendError } from '@sangeyipi/eventstore';
import { validateContractEvent } from './contract-event-validator';

describe('only contract events may be stored', () => {
  it('accepts a registered type with data in its protobuf-JSON form', () => {
    expect(() => validateContractEvent({ type: 'cases.CaseReceived', data: { caseId: 'c-1', channel: 'CHANNEL_WINDOW' } })).not.toThrow();
  });

  it('refuses an unregistered type', () => {
    expect(() => validateContractEvent({ type: 'cases.CaseVanished', data: {} })).toThrow(InvalidAppendError);
  });

  it('refuses data with a field the contract does not have', () => {
    expect(() => validateContractEvent({ type: 'cases.CaseReceived', data: { caseId: 'c-1', surprise: 1 } })).toThrow(/does not match its contract/);
  });
});
