/** An OpenAPI 3 document, as far as merging needs to know it. */
export interface OpenApiDocument {
  openapi?: string;
  info?: Record<string, unknown>;
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  tags?: { name: string; description?: string }[];
  [extension: string]: unknown;
}

/**
 * One document for the whole platform: each service's paths under `/api/<service>`, its
 * component names prefixed with the service (`cases.CaseView`) and every `$ref` rewritten to
 * match, its operations tagged with the service. `unavailable` lists the services that did not
 * answer, so a reader knows the document is partial.
 */
export function mergeOpenApi(own: OpenApiDocument, services: ReadonlyMap<string, OpenApiDocument>, unavailable: readonly string[]): OpenApiDocument {
  const paths = { ...(own.paths ?? {}) };
  const components = structuredClone(own.components ?? {});
  const tags = [...(own.tags ?? [])];
  for (const [service, document] of services) {
    const rewritten = rewriteRefs(document, service) as OpenApiDocument;
    for (const [path, operations] of Object.entries(rewritten.paths ?? {})) {
      paths[`/api/${service}${path === '/' ? '' : path}`] = tagOperations(operations, service);
    }
    for (const [section, entries] of Object.entries(rewritten.components ?? {})) {
      const target = (components[section] ??= {});
      for (const [name, value] of Object.entries(entries)) target[`${service}.${name}`] = value;
    }
    tags.push({ name: service, description: `the ${service} service` });
  }
  return {
    openapi: own.openapi ?? '3.0.0',
    info: { title: 'sangeyipi API (through the gateway)', version: '1', description: 'Every service under /api/<service>; sign-in under /auth.' },
    paths,
    components,
    tags,
    'x-unavailable-services': [...unavailable],
  };
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function tagOperations(operations: Record<string, unknown>, service: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(operations).map(([method, operation]) => {
      if (!HTTP_METHODS.has(method) || typeof operation !== 'object' || operation === null) return [method, operation];
      const tags = (operation as { tags?: string[] }).tags ?? [];
      return [method, { ...operation, tags: [service, ...tags.map((tag) => `${service}: ${tag}`)] }];
    }),
  );
}

/** Rewrites `#/components/<section>/<Name>` to `#/components/<section>/<service>.<Name>` everywhere in `value`. */
function rewriteRefs(value: unknown, service: string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, service));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === '$ref' && typeof inner === 'string') return [key, inner.replace(/^#\/components\/([^/]+)\/(.+)$/, `#/components/$1/${service}.$2`)];
      return [key, rewriteRefs(inner, service)];
    }),
  );
}
