// One burst of load from autocannon (closed loop: each connection sends its next request when the
// previous answer is complete), with every response's status and latency kept.
import autocannon from "autocannon";

/** Generous: the server's own limits (pool wait, statement timeout) should answer first, as a status. */
const REQUEST_TIMEOUT_SECONDS = 60;
/** A server that stopped answering ends the run after this many errors instead of hanging it. */
const BAIL_OUT_AFTER_ERRORS = 50;

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** Called for every request, so each can differ (a new visitor id, another bot). */
  body?: () => string;
}

export interface LoadOptions {
  baseUrl: string;
  request: LoadRequest;
  connections: number;
  /** Requests in all; autocannon waits for every answer, so nothing is left running on the server. */
  amount: number;
  /** Also time each response's first body byte (a streamed answer's first part). */
  firstByte?: boolean;
}

export interface LoadResult {
  /** Responses received, any status. */
  responses: number;
  /** Milliseconds per 2xx response, ascending. */
  latencies: number[];
  /** Milliseconds from sending to the first body byte, ascending (with `firstByte`). */
  firstBytes: number[];
  /** Responses by status code. */
  statuses: Map<number, number>;
  /** The first answer that was not a 2xx, for the report: its status and the start of its body. */
  firstRefusal: string | null;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  /** From the start to the last response. */
  seconds: number;
}

/** Times the first body chunk after each request a connection sends (one request in flight per connection). */
function timeFirstBytes(into: number[]) {
  return (client: autocannon.Client) => {
    // @types/autocannon lists only some of the client's events; "request" (emitted as each request
    // is written) is one it leaves out, so listen through the plain EventEmitter type.
    const events: NodeJS.EventEmitter = client;
    let sentAt: number | null = null;
    events.on("request", () => {
      sentAt = performance.now();
    });
    events.on("body", () => {
      if (sentAt === null) return;
      into.push(performance.now() - sentAt);
      sentAt = null;
    });
  };
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { request } = options;
  const latencies: number[] = [];
  const firstBytes: number[] = [];
  const statuses = new Map<number, number>();
  let firstRefusal: string | null = null;
  const started = performance.now();
  let lastResponse = started;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        amount: options.amount,
        timeout: REQUEST_TIMEOUT_SECONDS,
        bailout: BAIL_OUT_AFTER_ERRORS,
        requests: [
          {
            method: request.method,
            path: request.path,
            headers: request.headers,
            setupRequest: (built) => (request.body ? { ...built, body: request.body() } : built),
            onResponse: (status, body) => {
              if ((status < 200 || status > 299) && firstRefusal === null) {
                firstRefusal = `${status} ${body.slice(0, 300)}`;
              }
            },
          },
        ],
        setupClient: options.firstByte ? timeFirstBytes(firstBytes) : undefined,
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        firstBytes.sort((a, b) => a - b);
        resolve({
          responses: [...statuses.values()].reduce((sum, count) => sum + count, 0),
          latencies,
          firstBytes,
          statuses,
          firstRefusal,
          errors: result.errors,
          timeouts: result.timeouts,
          seconds: (lastResponse - started) / 1000,
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      if (statusCode >= 200 && statusCode <= 299) latencies.push(responseTime);
      lastResponse = performance.now();
    });
  });
}

/** Nearest-rank percentile of ascending values; NaN when there are none. */
export function percentile(ascending: number[], p: number): number {
  if (ascending.length === 0) return Number.NaN;
  return ascending[Math.min(ascending.length - 1, Math.max(0, Math.ceil((p / 100) * ascending.length) - 1))];
}
