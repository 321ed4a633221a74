import { createTtlCache } from '../../plugins/live-chat/server/src/ttl-cache';

describe('the short-lived memo used on the message path', () => {
  let clock = 0;
  const now = () => clock;

  it('loads once within the lifetime, again after it, and again after clear()', async () => {
    const cache = createTtlCache<string, number>(1000, now);
    let loads = 0;
    const load = async () => ++loads;
    clock = 0;
    expect(await cache.get('a', load)).toBe(1);
    clock = 999;
    expect(await cache.get('a', load)).toBe(1);
    clock = 1000;
    expect(await cache.get('a', load)).toBe(2);
    cache.clear();
    expect(await cache.get('a', load)).toBe(3);
    expect(await cache.get('b', load)).toBe(4);
  });

  it('shares one load between concurrent callers and does not keep a failure', async () => {
    const cache = createTtlCache<string, number>(1000, now);
    let loads = 0;
    const [x, y] = await Promise.all([cache.get('k', async () => ++loads), cache.get('k', async () => ++loads)]);
    expect([x, y, loads]).toEqual([1, 1, 1]);
    await expect(cache.get('boom', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('boom', async () => 7)).toBe(7);
  });
});
