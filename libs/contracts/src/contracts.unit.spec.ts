// Contract test: the encoded fixtures written by earlier versions of the contracts (and never
// regenerated) must still decode to what their JSON sidecars say, and the registry must stay in step
// with the fixtures and the generated schemas.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJson, type JsonValue } from '@bufbuild/protobuf';
import {
  CONTEXTS,
  EVENT_SCHEMAS,
  EVENT_TYPES,
  EventEnvelopeSchema,
  UnknownEventTypeError,
  cases,
  decodeEnvelope,
  decodeEvent,
  encodeEnvelope,
  encodeEvent,
  eventToJson,
  isEventType,
  openEnvelope,
  schemaVersionOf,
  sealEnvelope,
  topicOf,
  type EventType,
} from './index';

const FIXTURES_DIR = join(__dirname, '..', 'fixtures');

interface EventFixture {
  file: string;
  type: string;
  version: number;
  bytes: Uint8Array;
  sidecar: { type: string; schemaVersion: number; data: JsonValue };
}

function readFixture(dir: string, file: string): { bytes: Uint8Array; sidecar: EventFixture['sidecar'] } {
  const base = join(dir, file.replace(/\.bin$/, ''));
  return {
    bytes: new Uint8Array(readFileSync(`${base}.bin`)),
    sidecar: JSON.parse(readFileSync(`${base}.json`, 'utf8')),
  };
}

const eventFixtures: EventFixture[] = readdirSync(FIXTURES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'envelope')
  .map((entry) => entry.name)
  .flatMap((context) =>
    readdirSync(join(FIXTURES_DIR, context))
      .filter((file) => file.endsWith('.bin'))
      .map((file) => {
        const match = /^(\w+)\.v(\d+)\.bin$/.exec(file);
        if (!match) throw new Error(`fixture ${context}/${file} is not named <EventName>.v<N>.bin`);
        return {
          file: `${context}/${file}`,
          type: `${context}.${match[1]}`,
          version: Number(match[2]),
          ...readFixture(join(FIXTURES_DIR, context), file),
        };
      }),
  );

describe('event fixtures', () => {
  it('exist', () => {
    expect(eventFixtures.length).toBeGreaterThan(0);
  });

  it.each(eventFixtures.map((f) => [f.file, f] as const))('%s decodes to its sidecar', (_file, fixture) => {
    if (!isEventType(fixture.type)) throw new Error(`fixture ${fixture.file}: type ${fixture.type} is not registered`);
    expect(fixture.sidecar.type).toBe(fixture.type);
    expect(fixture.sidecar.schemaVersion).toBe(fixture.version);
    // Until a v2 exists, every fixture is of the current version (a v2 would come with an upcaster).
    expect(schemaVersionOf(fixture.type)).toBe(fixture.version);

    const decoded = decodeEvent(fixture.type, fixture.bytes);

    // A field that was removed or renumbered would leave its bytes unknown.
    expect(decoded.$unknown ?? []).toEqual([]);
    expect(eventToJson(fixture.type, decoded)).toEqual(fixture.sidecar.data);
  });

  it('cover every registered event type', () => {
    const withFixture = new Set(eventFixtures.map((f) => f.type));
    expect(EVENT_TYPES.filter((type) => !withFixture.has(type))).toEqual([]);
  });

  it('are all of registered event types', () => {
    expect(eventFixtures.filter((f) => !isEventType(f.type)).map((f) => f.file)).toEqual([]);
  });
});

describe('envelope fixture', () => {
  const { bytes, sidecar } = readFixture(join(FIXTURES_DIR, 'envelope'), 'EventEnvelope.v1.bin');

  it('decodes to its sidecar', () => {
    const envelope = decodeEnvelope(bytes);
    expect(envelope.$unknown ?? []).toEqual([]);
    expect(toJson(EventEnvelopeSchema, envelope)).toEqual(sidecar.data);
  });

  it('carries a payload that decodes as the event its type names', () => {
    const opened = openEnvelope(decodeEnvelope(bytes));
    expect(opened.type).toBe('cases.CaseReceived');
    const expected = readFixture(join(FIXTURES_DIR, 'cases'), 'CaseReceived.v1.bin').sidecar.data;
    expect(eventToJson(opened.type, opened.data)).toEqual(expected);
  });
});

describe('event registry', () => {
  it.each(Object.entries(EVENT_SCHEMAS))('%s names its schema', (type, schema) => {
    const [context, name] = type.split('.');
    expect(CONTEXTS).toContain(context);
    expect(schema.typeName).toBe(`sangeyipi.${context}.v${schemaVersionOf(type as EventType)}.${name}`);
  });

  it('routes each event to its context topic', () => {
    expect(topicOf('cases.CaseReceived')).toBe('cases.events.v1');
    expect(topicOf('analytics.BulletinPublished')).toBe('analytics.events.v1');
  });

  it('round-trips an event through encode and decode', () => {
    const bytes = encodeEvent('cases.CaseDecided', {
      caseId: 'c-1',
      decision: cases.Decision.DENIED,
      reasons: ['不符合法定条件'],
    });
    const decoded = decodeEvent('cases.CaseDecided', bytes);
    expect(decoded.decision).toBe(cases.Decision.DENIED);
    expect(decoded.reasons).toEqual(['不符合法定条件']);
  });

  it('refuses an unregistered event type', () => {
    expect(() => decodeEvent('cases.CaseVanished' as EventType, new Uint8Array())).toThrow(UnknownEventTypeError);
    const envelope = decodeEnvelope(encodeEnvelope({ eventType: 'cases.CaseVanished', schemaVersion: 1 }));
    expect(() => openEnvelope(envelope)).toThrow(UnknownEventTypeError);
  });

  it('refuses a schema version it has no schema for', () => {
    const sealed = sealEnvelope('cases.CaseOverdue', { caseId: 'c-1' }, { eventId: 'e-1' });
    expect(sealed.schemaVersion).toBe(1);
    expect(() => openEnvelope({ ...sealed, schemaVersion: 2 })).toThrow(/schema version 2, expected 1/);
  });
});
