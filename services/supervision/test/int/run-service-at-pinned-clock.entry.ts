/**
 * Runs a service's entry point (argv[2]) in this process with the platform's system clock starting at
 * PINNED_CLOCK_START and running on from there, so that a cross-service test can drive another
 * service as its own process on known working days. Test harness only.
 */
import path from 'node:path';
import { SystemClock } from '@sangeyipi/platform';

const start = Date.parse(process.env.PINNED_CLOCK_START ?? '');
if (Number.isNaN(start)) throw new Error('PINNED_CLOCK_START must be an instant');
const began = Date.now();
SystemClock.prototype.now = () => new Date(start + (Date.now() - began));
void import(path.resolve(process.argv[2]));
