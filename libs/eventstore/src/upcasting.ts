/**
 * Turns an event's data from one schema version into the next. Old events stay as they were
 * written; readers always see the newest shape.
 */
export interface Upcaster {
  eventType: string;
  fromSchemaVersion: number;
  upcast(data: unknown): unknown;
}

export class UpcasterChain {
  private readonly byTypeAndVersion = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = `${upcaster.eventType}@${upcaster.fromSchemaVersion}`;
      if (this.byTypeAndVersion.has(key)) throw new Error(`two upcasters for ${key}`);
      this.byTypeAndVersion.set(key, upcaster);
    }
  }

  upcast(eventType: string, schemaVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    let version = schemaVersion;
    let current = data;
    for (;;) {
      const upcaster = this.byTypeAndVersion.get(`${eventType}@${version}`);
      if (!upcaster) return { schemaVersion: version, data: current };
      current = upcaster.upcast(current);
      version += 1;
    }
  }
}
