import { toShanghaiDate, type Clock } from '@sangeyipi/platform';

/** Today in Shanghai (YYYY-MM-DD), from the injected clock. */
export function todayIn(clock: Clock): string {
  return toShanghaiDate(clock.now());
}
