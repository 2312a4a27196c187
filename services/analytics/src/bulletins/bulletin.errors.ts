/** A request the analytics service refuses, answered with its status (see analytics-refusal.filter.ts). */
export class AnalyticsRefusal extends Error {
  constructor(
    readonly outcome: 'invalid' | 'not-found' | 'forbidden',
    message: string,
    /** For 'invalid': the request field at fault. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AnalyticsRefusal';
  }
}
