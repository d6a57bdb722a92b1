// A stand-in for the Workers Analytics Engine binding in local workerd (worker/config.mjs --events-port): the
// Worker's env.PREFLIGHT_EVENTS is a service binding to Sink, whose writeDataPoint keeps each data point; GET on
// the sink's own port answers them as a JSON array, so the tests can read the counters. Test-only.
import { WorkerEntrypoint } from 'cloudflare:workers';

const points = [];

export class Sink extends WorkerEntrypoint {
  writeDataPoint(point) {
    points.push(point);
  }
}

export default {
  fetch() {
    return Response.json(points);
  },
};
