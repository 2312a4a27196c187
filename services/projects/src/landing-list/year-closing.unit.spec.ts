import { automaticClosingDay, latestYearDueForClosing } from './year-closing';

describe('closing a list year the reform office left open', () => {
  it('is due from 1 January plus the grace days', () => {
    expect(automaticClosingDay(2025, 15)).toBe('2026-01-16');
    expect(automaticClosingDay(2025, 0)).toBe('2026-01-01');
  });

  it('covers last year only from its closing day on, earlier years always', () => {
    expect(latestYearDueForClosing('2026-01-15', 15)).toBe(2024);
    expect(latestYearDueForClosing('2026-01-16', 15)).toBe(2025);
    expect(latestYearDueForClosing('2026-01-01', 0)).toBe(2025);
    expect(latestYearDueForClosing('2025-12-31', 0)).toBe(2024);
  });
});
