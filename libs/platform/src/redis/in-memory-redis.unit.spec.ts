import { InMemoryRedis } from './in-memory-redis';

describe('InMemoryRedis (the embedded mode stand-in)', () => {
  let redis: InMemoryRedis;

  beforeEach(async () => {
    jest.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z'), doNotFake: ['queueMicrotask'] });
    redis = await new InMemoryRedis().connect();
  });

  afterEach(() => jest.useRealTimers());

  it('keeps strings until they expire, in both option styles', async () => {
    await redis.set('a', 'one', { EX: 10 });
    await redis.set('b', 'two', { expiration: { type: 'PX', value: 500 } });

    jest.advanceTimersByTime(499);
    expect([await redis.get('a'), await redis.get('b')]).toEqual(['one', 'two']);
    jest.advanceTimersByTime(1);
    expect([await redis.get('a'), await redis.get('b')]).toEqual(['one', null]);
    expect(await redis.ttl('a')).toBe(10);
  });

  it('sets only when absent with NX, only when present with XX', async () => {
    expect(await redis.set('k', '1', { condition: 'NX' })).toBe('OK');
    expect(await redis.set('k', '2', { NX: true })).toBeNull();
    expect(await redis.set('other', '3', { XX: true })).toBeNull();
    expect(await redis.get('k')).toBe('1');
  });

  it('counts, keeps a counter’s expiry, and refuses to count text', async () => {
    expect(await redis.incr('n')).toBe(1);
    await redis.expire('n', 60);
    expect(await redis.incrBy('n', 4)).toBe(5);
    expect(await redis.ttl('n')).toBe(60);
    await redis.set('text', 'abc');
    await expect(redis.incr('text')).rejects.toThrow('not an integer');
  });

  it('deletes and reports what existed', async () => {
    await redis.set('x', '1');
    expect(await redis.exists(['x', 'y'])).toBe(1);
    expect(await redis.del(['x', 'y'])).toBe(1);
    expect(await redis.get('x')).toBeNull();
  });

  it('delivers published messages to subscribers of a duplicate connection', async () => {
    const subscriber = await redis.duplicate().connect();
    const received: string[] = [];
    await subscriber.subscribe('inbox', (message) => received.push(message));

    expect(await redis.publish('inbox', 'hello')).toBe(1);
    expect(await redis.publish('elsewhere', 'nobody')).toBe(0);
    await Promise.resolve();

    expect(received).toEqual(['hello']);
  });

  it('reports ready only while open', async () => {
    expect(redis.isReady).toBe(true);
    await redis.close();
    expect(redis.isReady).toBe(false);
  });
});
