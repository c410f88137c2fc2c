// npm start – the production server: Next's request handler behind a plain Node HTTP server.
//
// Why not `next start`: Next fills X-Forwarded-For with the socket's address only when the
// request has none, so under `next start` any client can name its own address and step around
// every per-IP limit. Unless TRUST_PROXY says a proxy in front of us writes these headers, we
// drop what the client sent and Next fills them from the real connection.
import http from "node:http";
import next from "next";

const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-port",
  "x-forwarded-proto",
  "x-real-ip",
];

const trustProxy = ["1", "true", "yes"].includes((process.env.TRUST_PROXY ?? "").trim().toLowerCase());
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;

const app = next({ dev: false, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

// Slow clients are cut off so they can't hold connections (and memory) open: the headers must
// arrive within seconds, and a body must keep arriving at MIN_BODY_BYTES per RATE_WINDOW_MS, so a
// trickling body goes within seconds while a large upload on a slow line still finishes. Each
// route caps a body's size and total time itself (lib/http/read-json.ts); REQUEST_TIMEOUT_MS is the
// outer bound for any of them.
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 10 * 60_000;
const RATE_WINDOW_MS = 5_000;
const MIN_BODY_BYTES = 1024;

/** Destroys the connection when the request's body arrives slower than the minimum rate. */
function enforceBodyRate(request) {
  const socket = request.socket;
  let seen = socket.bytesRead;
  const timer = setInterval(() => {
    if (request.complete || socket.destroyed) return clearInterval(timer);
    const received = socket.bytesRead - seen;
    seen = socket.bytesRead;
    if (received < MIN_BODY_BYTES) {
      clearInterval(timer);
      socket.destroy();
    }
  }, RATE_WINDOW_MS);
  timer.unref();
  request.once("close", () => clearInterval(timer));
}

// Node checks the headers and request timeouts on this interval (30 s by default).
const server = http.createServer({ connectionsCheckingInterval: 1_000 }, (request, response) => {
  if (!trustProxy) for (const header of FORWARDING_HEADERS) delete request.headers[header];
  if (!request.complete) enforceBodyRate(request);
  handle(request, response);
});
server.headersTimeout = HEADERS_TIMEOUT_MS;
server.requestTimeout = REQUEST_TIMEOUT_MS;
server.listen(port, hostname, () => {
  console.log(
    `> Chatfolio ready on http://${hostname ?? "localhost"}:${port}${trustProxy ? " (trusting proxy headers)" : ""}`,
  );
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections may hold close() open; don't wait on them for ever.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
