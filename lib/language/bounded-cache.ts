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
