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

const server = http.createServer((request, response) => {
  if (!trustProxy) for (const header of FORWARDING_HEADERS) delete request.headers[header];
  handle(request, response);
});
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
