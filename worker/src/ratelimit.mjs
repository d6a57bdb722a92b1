// ratelimit.mjs: rate-limit blocks — a per-isolate cache in front of the RateLimitState Durable Object that every
// isolate shares. What counts as a block or as room is Go's decision (proxy.Annotate, proxy.RoomUntil); this
// module only stores and looks up its answers.
import { DurableObject } from 'cloudflare:workers';
import { LRU } from './lru.mjs';

// Both caches are bounded (a long-lived isolate sees keys without end); forgetting a block costs one Durable
// Object round trip, forgetting room one more.
const MAX_KEYS = 10000;
const localBlocks = new LRU(MAX_KEYS); // key → {until, headers}
const room = new LRU(MAX_KEYS); // key → until (Unix ms): Go's roomUntil; while it holds, the Durable Object is not asked

function cachedBlock(key, now) {
  const b = localBlocks.get(key);
  if (!b) return null;
  if (b.until > now) return b;
  localBlocks.delete(key);
  return null;
}

/** Remembers Go's roomUntil for key (0: no room). */
export function noteRoom(key, until) {
  if (until > 0) {
    room.set(key, until);
  } else {
    room.delete(key);
  }
}

function hasRoom(key, now) {
  const until = room.get(key);
  return until !== undefined && until > now;
}

function rateStub(env, key) {
  return env.RATE_LIMITS.get(env.RATE_LIMITS.idFromName(key));
}

// LEDGER_LATENCY_MS exists only in the benchmark's workerd config (worker/bench/ledger.mjs; never in wrangler.toml):
// it delays each Durable Object call by that many ms, standing in for the round trip to wherever the object lives,
// which local workerd does not have.
function ledgerLatency(env) {
  const ms = Number(env.LEDGER_LATENCY_MS);
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : null;
}

/**
 * The block in force for key at now, or null. `info.ledger` says how it was found, for the request's log line:
 * "cached" (a block this isolate holds), "room" (X said there is room: not asked), "none" (no Durable Object
 * bound), "asked" (one round trip to the Durable Object) or "unavailable" (the round trip failed; forwarded).
 */
export async function currentBlock(env, key, now, info = {}) {
  const cached = cachedBlock(key, now);
  if (cached) {
    info.ledger = 'cached';
    return cached;
  }
  if (!env.RATE_LIMITS) {
    info.ledger = 'none';
    return null;
  }
  if (hasRoom(key, now)) {
    info.ledger = 'room';
    return null;
  }
  const asked = Date.now();
  try {
    await ledgerLatency(env);
    const b = await rateStub(env, key).check(now);
    if (b) localBlocks.set(key, b);
    info.ledger = 'asked';
    return b;
  } catch (err) {
    // The shared state is an optimisation; without it X still says 429 itself.
    info.ledger = 'unavailable';
    console.error('xpreflight: rate-limit state unavailable:', String(err));
    return null;
  } finally {
    info.ledgerMs = Date.now() - asked;
  }
}

/** Records a block Go derived from X's answer, here and in the Durable Object. */
export async function recordBlock(env, key, block) {
  localBlocks.set(key, block);
  if (!env.RATE_LIMITS) return;
  try {
    await ledgerLatency(env);
    await rateStub(env, key).record(block);
  } catch (err) {
    console.error('xpreflight: could not record a rate-limit block:', String(err));
  }
}

// RateLimitState is one rate-limit budget (one credential hash × one route): the Durable Object every isolate asks
// before forwarding, so a window X reported exhausted is honoured at every edge location until it resets. It
// stores only the hash-named block {until, headers}; never a credential.
export class RateLimitState extends DurableObject {
  async check(now) {
    if (this.block === undefined) this.block = (await this.ctx.storage.get('block')) ?? null;
    if (this.block && this.block.until > now) return this.block;
    if (this.block) {
      this.block = null;
      await this.ctx.storage.delete('block');
    }
    return null;
  }

  async record(block) {
    if (!block || typeof block.until !== 'number') throw new TypeError('record(block): block.until must be a number');
    if (this.block === undefined) this.block = (await this.ctx.storage.get('block')) ?? null;
    if (this.block && this.block.until >= block.until) return;
    this.block = { until: block.until, headers: block.headers ?? {} };
    await this.ctx.storage.put('block', this.block);
    try {
      await this.ctx.storage.setAlarm(block.until);
    } catch {
      // Storage without alarms (some local setups): check() clears the block lazily.
    }
  }

  // alarm clears an expired block so idle objects do not keep storage.
  async alarm() {
    this.block = null;
    await this.ctx.storage.deleteAll();
  }
}
