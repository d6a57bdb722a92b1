// The benchmark's baseline: a plain JS Worker that forwards every request to
// X_API_ORIGIN and returns the answer as it is. No validation, no Go.
export default {
  async fetch(request, env) {
    const url = request.url;
    const target = url.slice(url.indexOf("/", url.indexOf("://") + 3));
    return fetch(env.X_API_ORIGIN + target, {
      method: request.method, headers: request.headers, body: request.body, redirect: "manual",
    });
  },
};
