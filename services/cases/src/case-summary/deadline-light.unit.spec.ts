import { WorkingDayCalendar } from '@sangeyipi/platform';
import { deadlineLight } from './deadline-light';

const calendar = new WorkingDayCalendar();
const open = (committedDeadline: string, suspended = false) => ({ status: 'in-progress', committedDeadline, suspended });

describe('deadline light', () => {
  it('is green with more than the warning threshold left, counting working days over the holiday', () => {
    // 09-30 → 10-10: 10-09 and 10-10 are the only working days left (10-01..10-08 holiday).
    expect(deadlineLight(open('2025-10-10'), '2025-09-30', 2, calendar)).toEqual({ light: 'yellow', workingDaysLeft: 2 });
    expect(deadlineLight(open('2025-10-13'), '2025-09-30', 2, calendar)).toEqual({ light: 'green', workingDaysLeft: 4 });
  });

  it('is red once the committed deadline has passed', () => {
    expect(deadlineLight(open('2025-09-30'), '2025-10-09', 2, calendar)).toEqual({ light: 'red', workingDaysLeft: -1 });
  });

  it('is paused while the clock is suspended and none before acceptance or after the decision', () => {
    expect(deadlineLight(open('2025-10-13', true), '2025-09-30', 2, calendar).light).toBe('paused');
    expect(deadlineLight({ status: 'received', committedDeadline: null, suspended: false }, '2025-09-30', 2, calendar).light).toBe('none');
    expect(deadlineLight({ status: 'decided', committedDeadline: '2025-10-13', suspended: false }, '2025-09-30', 2, calendar).light).toBe('none');
  });
});
