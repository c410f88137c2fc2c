/**
 * A map that forgets its oldest entry when full: for what a process learns about words and texts
 * (their meanings, their readings), which repeats across turns and must not grow without bound.
 */
export class BoundedCache<Value> {
  private readonly entries = new Map<string, Value>();

  constructor(private readonly limit: number) {}

  get(key: string): Value | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: Value): Value {
    if (!this.entries.has(key) && this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
    return value;
  }

  /** The cached value, or the loaded one, kept. */
  getOrSet(key: string, load: () => Value): Value {
    return this.entries.get(key) ?? this.set(key, load());
  }
}

const holder = globalThis as typeof globalThis & { chatfolioCaches?: Map<string, BoundedCache<unknown>> };

/**
 * The process's cache of that name, made on first use: one per process, kept across dev reloads
 * (which re-evaluate modules but keep globalThis).
 */
export function processCache<Value>(name: string, limit: number): BoundedCache<Value> {
  holder.chatfolioCaches ??= new Map();
  let cache = holder.chatfolioCaches.get(name);
  if (!cache) {
    cache = new BoundedCache<unknown>(limit);
    holder.chatfolioCaches.set(name, cache);
  }
  return cache as BoundedCache<Value>;
}
