// lru.mjs: a Map bounded by entry count that forgets the least recently used key first. The per-isolate caches
// (ratelimit.mjs) use it: a long-lived isolate sees keys without end, and its memory must not grow with them.

export class LRU {
  constructor(max) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`LRU(max): max must be a positive integer, got ${max}`);
    this.max = max;
    this.entries = new Map(); // insertion order = use order: the first key is the least recently used
  }

  get size() {
    return this.entries.size;
  }

  get(key) {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key, value) {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value);
    return this;
  }

  delete(key) {
    return this.entries.delete(key);
  }
}
