import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src/cache/lru-cache.ts';

describe('LruCache', () => {
  it('remembers what make() gave, and makes it again only once it was dropped', () => {
    const cache = new LruCache<string, number>(2);
    let made = 0;
    const make = () => ++made;
    expect(cache.remember('a', make)).toBe(1);
    expect(cache.remember('a', make)).toBe(1);
    cache.remember('b', make);
    cache.remember('a', make); // 'a' is now the most recent: 'b' goes next
    cache.remember('c', make);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.remember('a', make)).toBe(1);
    expect(made).toBe(3);
  });
});
