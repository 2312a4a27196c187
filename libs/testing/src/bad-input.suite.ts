import { randomUUID } from 'node:crypto';
import type { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import { signTestToken, type TestUser } from './test-tokens';

/**
 * "Invalid requests answer 400 with the field and the reason; never a 500 for a user's mistake",
 * checked route by route against a running service: every operation of its OpenAPI document
 * (`/docs-json`) gets malformed and mistyped bodies, missing and unknown fields, huge strings,
 * negative and huge numbers, unknown enum values, impossible dates, bad query and path parameters,
 * and no or invalid tokens. The shapes of bodies and queries come from the DTOs' class-validator
 * metadata (the validation actually applied), found through the controllers of the running app.
 */
export interface BadInputOptions {
  /** Starts the service under test (a fresh one for the suite). */
  start: () => Promise<RunningService>;
  /**
   * Who calls each route, keyed `METHOD /path/{param}` as the OpenAPI document names it: a person
   * holding a role allowed on it, or 'public' for a route anyone may call. Health, metrics and the
   * event-log verification are added for every service.
   */
  callers: Record<string, TestUser | 'public'>;
  /** Valid bodies to start the mutations from, by route, where the DTOs alone do not make one (patterns, codes). */
  bodies?: Record<string, object>;
  /** Valid query parameters, by route, for the same reason. */
  queries?: Record<string, Record<string, string>>;
  /**
   * Prepares records for the probes to reach past the lookups (a registered unit, a drafted item)
   * and returns the path parameters naming them; any other path parameter is a random UUID.
   */
  prepare?: (service: RunningService) => Promise<Record<string, string>>;
}

export interface RunningService {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** The routes every service serves from the platform, and who may call them. */
const PLATFORM_CALLERS: Record<string, TestUser | 'public'> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',
  'GET /event-log/verification': { userId: 'bad-input-auditor', roles: ['auditor'] },
};

const HUGE_STRING = 'x'.repeat(100_000); // just under the JSON body limit (100 kB), so validation sees it
const LONG_PARAM = 'x'.repeat(4_000); // a path or query value; the whole request head must stay under Node's 16 kB
const SQL_ISH = "1' OR '1'='1'; DROP TABLE events; --";
const IMPOSSIBLE_DATE = '2025-02-30';
const NUL = 'a\u0000b'; // PostgreSQL refuses NUL in text

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'enum' | 'object' | 'unknown';

/** One field of a DTO, as its validation decorators describe it. */
interface FieldShape {
  name: string;
  kind: Kind;
  array: boolean;
  required: boolean;
  values?: readonly unknown[];
  nested?: Type;
  sample: unknown;
}

interface Probe {
  name: string;
  method: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The answer must not be 2xx or 5xx, and a 400 must name this field. */
  invalidField?: string;
  /** The answer must be 401 (a route that is not public called without a valid token). */
  unauthenticated?: boolean;
}

interface Operation {
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  caller: TestUser | 'public';
  body?: Type;
  /** A @Query() DTO, or single @Query('name') parameters with their declared type. */
  queryDto?: Type;
  queryParams: { name: string; kind: Kind; required: boolean; values?: readonly unknown[]; sample: unknown }[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId?: string; requestBody?: unknown; parameters?: { name: string; in: string; required?: boolean; schema?: { type?: string; enum?: unknown[]; example?: unknown } }[] }>>;
  components?: { schemas?: Record<string, { properties?: Record<string, { example?: unknown }> }> };
}

export function describeBadInputAnswers(service: string, options: BadInputOptions): void {
  const callers = { ...PLATFORM_CALLERS, ...options.callers };

  describe(`the ${service} service answers bad input with 4xx, never 5xx`, () => {
    let running: RunningService;
    let operations: Map<string, Operation>;
    let examples: Record<string, Record<string, unknown>>;
    let pathParams: Record<string, string>;
    const tokens = new Map<string, Promise<string>>();
    const tokenOf = (user: TestUser) => {
      const key = JSON.stringify(user);
      if (!tokens.has(key)) tokens.set(key, signTestToken(user));
      return tokens.get(key) as Promise<string>;
    };

    beforeAll(async () => {
      running = await options.start();
      const document = (await (await fetch(`${running.url}/docs-json`)).json()) as OpenApiDocument;
      examples = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, Object.fromEntries(Object.entries(schema.properties ?? {}).map(([p, s]) => [p, s.example]))]));
      operations = readOperations(running.app, document, callers);
      pathParams = (await options.prepare?.(running)) ?? {};
    });
    afterAll(() => running?.close());

    it('has a caller for every route it documents, and documents every route given', () => {
      const documented = [...operations.keys()].sort();
      expect(Object.keys(callers).sort()).toEqual(documented);
    });

    it.each(Object.keys(callers))('%s', async (key) => {
      const operation = operations.get(key);
      if (!operation) throw new Error(`${key} is not in the OpenAPI document`);
      const failures: string[] = [];
      let passedTheGuard = false;
      const authorization = operation.caller === 'public' ? undefined : `Bearer ${await tokenOf(operation.caller)}`;
      for (const probe of await probesOf(operation, options, examples, pathParams)) {
        const headers: Record<string, string> = { ...(probe.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(authorization && !probe.unauthenticated ? { authorization } : {}), ...probe.headers };
        const { status, body } = await send(`${running.url}${probe.path}${probe.query ? `?${probe.query}` : ''}`, probe.method, headers, probe.body);
        const problem = judge(probe, status, body, operation.caller === 'public');
        if (problem) failures.push(`${probe.name}: ${problem}`);
        if (!probe.unauthenticated && status !== 401 && status !== 403) passedTheGuard = true;
      }
      if (!passedTheGuard) failures.push(`the caller ${JSON.stringify(operation.caller)} never got past authentication and authorisation`);
      expect(failures).toEqual([]);
    });
  });
}

/** What is wrong with an answer to a probe, or undefined when nothing is. */
function judge(probe: Probe, status: number, body: unknown, isPublic: boolean): string | undefined {
  const said = `answered ${status} ${excerpt(body)}`;
  if (status >= 500) return said;
  if (probe.unauthenticated && !isPublic && status !== 401) return `${said}, expected 401`;
  if (probe.invalidField !== undefined) {
    if (status < 400) return `${said}, expected a refusal`;
    if (status === 400 && !namesField(body, probe.invalidField)) return `${said}, which does not name ${probe.invalidField}`;
  }
  return undefined;
}

/** A 400 names the field when one of its violations is the field or inside it, or its message mentions it. */
function namesField(body: unknown, field: string): boolean {
  const answer = (body ?? {}) as { violations?: { field?: string }[]; message?: unknown; field?: unknown };
  const fields = (answer.violations ?? []).map((violation) => String(violation.field ?? ''));
  if (fields.some((named) => named === field || named.startsWith(`${field}.`) || named.startsWith(`${field}[`))) return true;
  const leaf = field.replace(/\[\d+\]$/, '').split(/[.[\]]/).filter(Boolean).pop() ?? field;
  return JSON.stringify([answer.message, answer.field, fields]).includes(leaf);
}

async function send(url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(20_000) });
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel(); // a stream that stays open: its status is the answer
    return { status: response.status, body: undefined };
  }
  const text = await response.text();
  try {
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  } catch {
    return { status: response.status, body: text };
  }
}

function excerpt(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body) ?? '';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// The routes, from the OpenAPI document and the controllers of the running application

function readOperations(app: INestApplication, document: OpenApiDocument, callers: Record<string, TestUser | 'public'>): Map<string, Operation> {
  const controllers = new Map<string, Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) if (wrapper.metatype) controllers.set(wrapper.metatype.name, wrapper.metatype as Type);
  }
  const operations = new Map<string, Operation>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, spec] of Object.entries(methods)) {
      const key = `${method.toUpperCase()} ${path}`;
      const [controllerName, handlerName] = (spec.operationId ?? '').split('_');
      const controller = controllers.get(controllerName);
      const args: Record<string, { index: number; data?: unknown }> = (controller && Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName)) ?? {};
      const types: Type[] = (controller && Reflect.getMetadata('design:paramtypes', controller.prototype, handlerName)) ?? [];
      const argsOf = (paramtype: number) => Object.entries(args).filter(([argKey]) => argKey.split(':')[0] === String(paramtype)).map(([, arg]) => arg);
      const [bodyArg] = argsOf(BODY);
      const queryArgs = argsOf(QUERY);
      const documentedQuery = (spec.parameters ?? []).filter((parameter) => parameter.in === 'query');
      const queryDto = queryArgs.find((arg) => arg.data === undefined);
      // Without its DTO a body would get only the probes of its shape as a whole: refuse to pretend.
      if (spec.requestBody && !(bodyArg && isDto(types[bodyArg.index]))) throw new Error(`${key}: no @Body() class found on ${spec.operationId}`);
      operations.set(key, {
        key,
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name),
        caller: callers[key] ?? 'public',
        body: bodyArg && isDto(types[bodyArg.index]) ? types[bodyArg.index] : undefined,
        queryDto: queryDto && isDto(types[queryDto.index]) ? types[queryDto.index] : undefined,
        queryParams: queryDto
          ? []
          : queryArgs.map((arg) => {
              const name = String(arg.data);
              const documented = documentedQuery.find((parameter) => parameter.name === name);
              const kind = documented?.schema?.enum ? 'enum' : kindOfType(types[arg.index], documented?.schema?.type);
              return { name, kind, required: documented?.required ?? false, values: documented?.schema?.enum, sample: documented?.schema?.example ?? sampleOfKind(kind, documented?.schema?.enum, name) };
            }),
      });
    }
  }
  return operations;
}

// RouteParamtypes of @nestjs/common: the key of a route argument is `${paramtype}:${index}`.
const BODY = 3;
const QUERY = 4;

function isDto(type: unknown): type is Type {
  return typeof type === 'function' && ![String, Number, Boolean, Object, Array].includes(type as never);
}

function kindOfType(type: unknown, documented?: string): Kind {
  if (documented === 'number' || documented === 'integer') return documented;
  if (documented === 'boolean') return 'boolean';
  if (type === Number) return 'number';
  if (type === Boolean) return 'boolean';
  return 'string';
}

/** The fields of a DTO class from its class-validator metadata (inherited ones included). */
function fieldsOf(dto: Type, examples: Record<string, Record<string, unknown>>): FieldShape[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const meta of metadata) byProperty.set(meta.propertyName, [...(byProperty.get(meta.propertyName) ?? []), meta]);
  return [...byProperty.entries()].map(([name, metas]) => {
    const has = (...names: string[]) => metas.some((meta) => names.includes(meta.name ?? meta.type));
    const required = !metas.some((meta) => meta.type === 'conditionalValidation');
    const nestedMeta = metas.find((meta) => meta.type === 'nestedValidation');
    const inMeta = metas.find((meta) => meta.name === 'isIn' || meta.name === 'isEnum');
    const values = inMeta ? (inMeta.name === 'isIn' ? (inMeta.constraints[0] as unknown[]) : Object.values(inMeta.constraints[0] as object)) : undefined;
    const array = has('isArray', 'arrayMinSize', 'arrayMaxSize', 'arrayUnique', 'arrayNotEmpty') || metas.some((meta) => meta.each) || Reflect.getMetadata('design:type', dto.prototype, name) === Array;
    const kind: Kind = nestedMeta
      ? 'object'
      : values
        ? 'enum'
        : has('isInt')
          ? 'integer'
          : has('isNumber', 'isPositive', 'min', 'max', 'isNumberString')
            ? 'number'
            : has('isBoolean')
              ? 'boolean'
              : has('isDateString', 'isISO8601', 'isDate') || metas.some((meta) => /date/i.test(meta.name ?? ''))
                ? 'date'
                : has('isString', 'maxLength', 'minLength', 'isNotEmpty', 'matches', 'isUUID', 'isEmail', 'isUrl', 'length')
                  ? 'string'
                  : 'unknown';
    const nested = nestedMeta ? nestedClassOf(dto, name, nestedMeta.each || array) : undefined;
    const minimum = metas.find((meta) => meta.name === 'min')?.constraints[0] as number | undefined;
    const example = examples[dto.name]?.[name];
    const one =
      example !== undefined && !Array.isArray(example)
        ? example
        : nested
          ? sampleBody(nested, examples)
          : has('isUUID')
            ? randomUUID()
            : has('isEmail')
              ? 'someone@example.com'
              : has('isUrl')
                ? 'https://example.com/hook'
                : kind === 'integer' || kind === 'number'
                  ? (minimum ?? 1)
                  : sampleOfKind(kind, values, name);
    return { name, kind, array, required, values, nested, sample: Array.isArray(example) ? example : array ? [one] : one };
  });
}

/** The class of a nested field, from its @Type() (class-transformer makes an instance of it). */
function nestedClassOf(dto: Type, property: string, array: boolean): Type | undefined {
  const instance = plainToInstance(dto, { [property]: array ? [{}] : {} }) as Record<string, unknown>;
  const value = array ? (instance[property] as unknown[] | undefined)?.[0] : instance[property];
  const type = (value as object | undefined)?.constructor;
  return type && type !== Object ? (type as Type) : undefined;
}

function sampleOfKind(kind: Kind, values: readonly unknown[] | undefined, name: string): unknown {
  switch (kind) {
    case 'enum':
      return values?.[0];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'date':
      return '2026-03-16';
    default:
      return /regionCode/i.test(name) ? '310101' : 'x';
  }
}

function sampleBody(dto: Type, examples: Record<string, Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(fieldsOf(dto, examples).map((field) => [field.name, field.sample]));
}

// ---------------------------------------------------------------------------------------------
// The probes

async function probesOf(operation: Operation, options: BadInputOptions, examples: Record<string, Record<string, unknown>>, pathParams: Record<string, string>): Promise<Probe[]> {
  const { method, key } = operation;
  const pathWith = (values: Record<string, string>) => operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(values[name] ?? pathParams[name] ?? randomUUID()));
  const path = pathWith({});
  const queryFields = operation.queryDto ? fieldsOf(operation.queryDto, examples) : operation.queryParams.map((param) => ({ ...param, array: false }));
  const baseQuery: Record<string, string> = options.queries?.[key] ?? Object.fromEntries(queryFields.filter((field) => field.required).map((field) => [field.name, String(field.sample)]));
  const query = (changes: Record<string, string | string[] | undefined>) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...baseQuery, ...changes })) for (const one of value === undefined ? [] : [value].flat()) params.append(name, one);
    return params.toString();
  };
  const bodyFields = operation.body ? fieldsOf(operation.body, examples) : [];
  const baseBody = operation.body ? ((options.bodies?.[key] as Record<string, unknown> | undefined) ?? sampleBody(operation.body, examples)) : undefined;
  const json = (value: unknown) => JSON.stringify(value);
  const probes: Probe[] = [];
  const add = (probe: Omit<Probe, 'method' | 'path'> & { path?: string }) => probes.push({ method, path, query: query({}), body: baseBody === undefined ? undefined : json(baseBody), ...probe });

  // Tokens
  const expired = operation.caller === 'public' ? undefined : await signTestToken(operation.caller, { expiresIn: '-1m' });
  add({ name: 'no token', unauthenticated: true });
  add({ name: 'a token that is not a JWT', unauthenticated: true, headers: { authorization: 'Bearer not.a.jwt' } });
  add({ name: 'a token signed with another key', unauthenticated: true, headers: { authorization: `Bearer ${await signTestToken({ userId: 'intruder', roles: ['auditor', 'operations_admin'] }, { secret: 'another-signing-key-0123456789abcdef' })}` } });
  if (expired) add({ name: 'an expired token', unauthenticated: true, headers: { authorization: `Bearer ${expired}` } });
  add({ name: 'a Basic authorization', unauthenticated: true, headers: { authorization: 'Basic dXNlcjpwYXNz' } });

  add({ name: 'the request the others vary' });

  // Path parameters
  for (const name of operation.pathParams) {
    for (const [label, value] of [
      ['not a UUID', 'not-a-uuid'],
      ['SQL-ish', SQL_ISH],
      ['4,000 characters', LONG_PARAM],
      ['a NUL character', NUL],
      ['negative', '-1'],
      ['a huge number', '99999999999999999999999'],
      ['Chinese', '黄浦区'],
      ['a dot-dot', '..'],
    ] as const) {
      add({ name: `path ${name}: ${label}`, path: pathWith({ [name]: value }) });
    }
    add({ name: `path ${name}: malformed percent-encoding`, path: operation.path.replace(/\{(\w+)\}/g, (_match, param: string) => (param === name ? '%E0%A4%A' : encodeURIComponent(pathParams[param] ?? randomUUID()))) });
  }

  // Query parameters
  add({ name: 'an undeclared query parameter', query: query({ undeclaredParameter: '1' }) });
  for (const field of queryFields) {
    const invalid = (label: string, value: string | string[] | undefined) => add({ name: `query ${field.name}: ${label}`, query: query({ [field.name]: value }), invalidField: field.name });
    const odd = (label: string, value: string | string[] | undefined) => add({ name: `query ${field.name}: ${label}`, query: query({ [field.name]: value }) });
    // A single @Query('name') has no validation of its own: the OpenAPI document calls it required, the service may not.
    if (field.required) (operation.queryDto ? invalid : odd)('missing', undefined);
    if (field.kind === 'enum') invalid('an unknown value', 'not-one-of-the-values');
    if (field.kind === 'integer' || field.kind === 'number') {
      invalid('not a number', 'abc');
      for (const [label, value] of [['negative', '-1'], ['huge', '1e309'], ['beyond 64 bits', '99999999999999999999999'], ['a fraction', '1.5'], ['zero', '0']]) odd(label, value);
    }
    if (field.kind === 'boolean') odd('not a boolean', 'maybe');
    if (field.kind === 'date') {
      invalid('an impossible date', IMPOSSIBLE_DATE);
      invalid('not a date', 'not-a-date');
    }
    odd('an impossible date', IMPOSSIBLE_DATE);
    odd('SQL-ish', SQL_ISH);
    odd('4,000 characters', LONG_PARAM);
    odd('a NUL character', NUL);
    odd('empty', '');
    odd('given twice', [String(field.sample ?? 'a'), 'b']);
  }

  // Bodies
  if (operation.body) {
    add({ name: 'malformed JSON', body: '{"broken": ' });
    add({ name: 'a JSON array', body: '[]' });
    add({ name: 'a JSON string', body: '"text"' });
    add({ name: 'JSON null', body: 'null' });
    add({ name: 'no body', body: undefined, headers: { 'content-type': 'application/json' } });
    add({ name: 'text, not JSON', body: 'just text', headers: { 'content-type': 'text/plain' } });
    add({ name: 'a body over the size limit', body: json({ ...baseBody, filler: 'x'.repeat(300_000) }) });
    const firstRequired = bodyFields.find((field) => field.required);
    add({ name: 'an empty object', body: '{}', ...(firstRequired ? { invalidField: firstRequired.name } : {}) });
    add({ name: 'an undeclared field', body: json({ ...baseBody, undeclaredField: 1 }), invalidField: 'undeclaredField' });
    probes.push(...bodyProbes(bodyFields, baseBody as Record<string, unknown>, '', examples).map((probe) => ({ method, path, query: query({}), ...probe })));
    // A retry key on commands: only the cases service reads it, none may fail on it.
    add({ name: 'an Idempotency-Key of 300 characters', headers: { 'idempotency-key': 'k'.repeat(300) } });
    add({ name: 'a non-ASCII Idempotency-Key', headers: { 'idempotency-key': encodeURIComponent('重试') + '\u00e9' } });
  }
  return probes;
}

/** Mutations of one field at a time of a valid body; nested objects are mutated field by field too. */
function bodyProbes(fields: FieldShape[], base: Record<string, unknown>, prefix: string, examples: Record<string, Record<string, unknown>>, depth = 0): Omit<Probe, 'method' | 'path'>[] {
  const probes: Omit<Probe, 'method' | 'path'>[] = [];
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    const withValue = (value: unknown) => JSON.stringify(setAt(base, field.name, value));
    const invalid = (label: string, value: unknown) => probes.push({ name: `${path}: ${label}`, body: withValue(value), invalidField: path });
    const odd = (label: string, value: unknown) => probes.push({ name: `${path}: ${label}`, body: withValue(value) });
    const one = (value: unknown) => (field.array ? [value] : value);
    if (field.required) probes.push({ name: `${path}: missing`, body: JSON.stringify(omit(base, field.name)), invalidField: path });
    odd('null', null);
    if (field.array) {
      invalid('an object where an array belongs', { not: 'an array' });
      odd('empty', []);
      odd('10,000 items', Array.from({ length: 10_000 }, () => (Array.isArray(field.sample) ? field.sample[0] : field.sample)));
    }
    switch (field.kind) {
      case 'string':
      case 'date':
      case 'enum':
        invalid('a number where a string belongs', one(12345));
        break;
      case 'integer':
      case 'number':
        invalid('a string where a number belongs', one('not-a-number'));
        for (const [label, value] of [['negative', -1], ['huge', 1e308], ['beyond 32 bits', 2_147_483_648], ['beyond 53 bits', 2 ** 60], ['a fraction', 1.5], ['zero', 0]] as const) odd(label, one(value));
        break;
      case 'boolean':
        invalid('a string where a boolean belongs', one('yes'));
        break;
      case 'object':
        invalid('an array where an object belongs', field.array ? [['not', 'an object']] : ['not', 'an object']);
        invalid('a string where an object belongs', one('text'));
        break;
      default:
        odd('an object', one({ unexpected: true }));
    }
    if (field.kind === 'enum') invalid('an unknown value', one('not-one-of-the-values'));
    if (field.kind === 'date') {
      invalid('an impossible date', one(IMPOSSIBLE_DATE));
      invalid('not a date', one('not-a-date'));
    }
    if (field.kind === 'string' || field.kind === 'date' || field.kind === 'unknown') {
      odd('100 kB', one(HUGE_STRING));
      odd('SQL-ish', one(SQL_ISH));
      odd('a NUL character', one(NUL));
      odd('empty', one(''));
      odd('blank', one('   '));
      odd('an impossible date', one(IMPOSSIBLE_DATE));
    }
    if (field.nested && depth < 3) {
      const nestedBase = (Array.isArray(base[field.name]) ? (base[field.name] as unknown[])[0] : base[field.name]) as Record<string, unknown> | undefined;
      if (nestedBase && typeof nestedBase === 'object') {
        const nestedPrefix = field.array ? `${path}[0].` : `${path}.`;
        for (const probe of bodyProbes(fieldsOf(field.nested, examples), nestedBase, nestedPrefix, examples, depth + 1)) {
          const changed = JSON.parse(probe.body as string);
          const rest = Array.isArray(base[field.name]) ? (base[field.name] as unknown[]).slice(1) : [];
          probes.push({ ...probe, body: JSON.stringify(setAt(base, field.name, field.array ? [changed, ...rest] : changed)) });
        }
      }
    }
  }
  return probes;
}

function setAt(base: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  return { ...base, [name]: value };
}

function omit(base: Record<string, unknown>, name: string): Record<string, unknown> {
  const { [name]: _omitted, ...rest } = base;
  return rest;
}
