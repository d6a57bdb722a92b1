// The per-isolate cache bound (src/lru.mjs): plain Node, no workerd.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LRU } from "../src/lru.mjs";

test("LRU keeps at most max entries and forgets the least recently used first", () => {
  const c = new LRU(3);
  c.set("a", 1).set("b", 2).set("c", 3);
  assert.equal(c.get("a"), 1); // a is now the most recent
  c.set("d", 4); // evicts b
  assert.equal(c.size, 3);
  assert.equal(c.get("b"), undefined);
  assert.deepEqual([c.get("a"), c.get("c"), c.get("d")], [1, 3, 4]);
  c.set("c", 30); // an update refreshes, never grows
  assert.equal(c.size, 3);
  assert.equal(c.get("c"), 30);
  assert.equal(c.delete("c"), true);
  assert.equal(c.size, 2);
});

test("LRU stays bounded under a flood of distinct keys", () => {
  const c = new LRU(1000);
  for (let i = 0; i < 100000; i++) c.set(`key-${i}`, { until: i });
  assert.equal(c.size, 1000);
  assert.equal(c.get("key-99999").until, 99999);
  assert.equal(c.get("key-98999"), undefined);
});

test("LRU refuses a bound that is not a positive integer", () => {
  for (const bad of [0, -1, 1.5, NaN, "10"]) assert.throws(() => new LRU(bad), RangeError);
});
