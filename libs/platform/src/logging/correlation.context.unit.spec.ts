import { CorrelationContext } from './correlation.context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('CorrelationContext', () => {
  it('follows asynchronous work started inside run, and only that work', async () => {
    const seen = await CorrelationContext.run('request-1', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return CorrelationContext.current();
    });

    expect(seen).toBe('request-1');
    expect(CorrelationContext.current()).toBeUndefined();
  });

  it('keeps concurrent work apart', async () => {
    const read = (id: string, delayMs: number) =>
      CorrelationContext.run(id, async () => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return CorrelationContext.current();
      });

    await expect(Promise.all([read('a', 20), read('b', 1)])).resolves.toEqual(['a', 'b']);
  });

  it("accepts a caller's plausible id", () => {
    expect(CorrelationContext.accept('4bf92f35-77b3:span.1_x')).toBe('4bf92f35-77b3:span.1_x');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['a forged log line', 'abc\n{"level":"fatal"}'],
    ['too long', 'x'.repeat(129)],
    ['repeated headers', ['a', 'b']],
  ])('replaces a %s id with a new UUID', (_case, candidate) => {
    expect(CorrelationContext.accept(candidate)).toMatch(UUID);
  });
});
