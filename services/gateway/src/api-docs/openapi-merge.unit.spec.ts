import { mergeOpenApi } from './openapi-merge';

describe('merging the services’ OpenAPI documents', () => {
  it('puts each service’s paths under /api/<service>, prefixes its schemas and rewrites its references', () => {
    const cases = {
      paths: { '/cases/{caseId}': { get: { tags: ['cases'], responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseView' } } } } } } } },
      components: { schemas: { CaseView: { type: 'object', properties: { step: { $ref: '#/components/schemas/Step' } } }, Step: { type: 'string' } } },
    };
    const own = { openapi: '3.0.0', paths: { '/auth/sign-in': { post: {} } }, components: { schemas: { SignInDto: { type: 'object' } } } };

    const merged = mergeOpenApi(own, new Map([['cases', cases]]), ['analytics']);

    expect(Object.keys(merged.paths ?? {})).toEqual(['/auth/sign-in', '/api/cases/cases/{caseId}']);
    expect(merged.paths?.['/api/cases/cases/{caseId}']).toEqual({
      get: { tags: ['cases', 'cases: cases'], responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/cases.CaseView' } } } } } },
    });
    expect(merged.components?.schemas).toEqual({
      SignInDto: { type: 'object' },
      'cases.CaseView': { type: 'object', properties: { step: { $ref: '#/components/schemas/cases.Step' } } },
      'cases.Step': { type: 'string' },
    });
    expect(merged['x-unavailable-services']).toEqual(['analytics']);
  });
});
