/**
 * A per-process memo whose entries live a short time: for reads that every message repeats but that
 * change rarely (an agent's permissions, notification settings). Each process keeps its own, so a
 * change made on another process is seen within `ttlMs`; callers clear it on their own writes.
 */
export function createTtlCache<K, V>(ttlMs: number, now: () => number = Date.now) {
  const entries = new Map<K, { value: Promise<V>; expiresAt: number }>();
  return {
    /** The cached value, or `load()`'s (shared by concurrent callers; a failed load is not kept). */
    get(key: K, load: () => Promise<V>): Promise<V> {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) return entry.value;
      const value = load();
      entries.set(key, { value, expiresAt: now() + ttlMs });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    /** Forgets everything (after a write this process made). */
    clear(): void {
      entries.clear();
    },
  };
}
