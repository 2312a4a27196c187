/** The stream of one handler's AB角 arrangement in one unit. */
export function handlerStreamId(unitId: string, handlerUserId: string): string {
  return `handler-${unitId}-${handlerUserId}`;
}

/** A handler's named backup (AB角): `cases.HandlerBackupNamed` (protobuf JSON). */
export interface HandlerBackupNamed {
  type: 'cases.HandlerBackupNamed';
  data: { unitId: string; handlerUserId: string; backupUserId: string };
}
