// Local stand-in for Cloudflare's Workers rate-limiting binding, for workerd runs only (tests, ./build.sh dev,
// benchmarks). Plain workerd has no rate-limit module (wrangler's miniflare supplies its own the same way); on
// Cloudflare the binding is the real one, declared in wrangler.toml ([[ratelimits]] PUBLIC_RATE_LIMIT).
// Same API: limit({ key }) → Promise<{ success }>; a fixed window of `period` seconds, `limit` calls per key.
// worker/config.mjs loads it as an internal extension module behind a wrapped binding.

export default function makeBinding(env) {
  const limit = Number(env.limit);
  const periodMs = Number(env.period) * 1000;
  const windows = new Map(); // key → { start, count }
  return {
    async limit(options) {
      const key = options?.key;
      if (typeof key !== 'string' || key === '') throw new TypeError('limit({ key }): key must be a non-empty string');
      const now = Date.now();
      let w = windows.get(key);
      if (!w || now - w.start >= periodMs) {
        if (windows.size >= 10000) windows.clear(); // bounded; a stand-in may forget
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      return { success: w.count <= limit };
    },
  };
}
