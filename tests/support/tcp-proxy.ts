import net from "node:net";

/**
 * A TCP proxy in front of a server (PostgreSQL here) that a test can cut and restore: cut() drops
 * every connection and refuses new ones, as a database that went away does, without touching the
 * server that other test files share. It also counts round trips.
 */
export interface TcpProxy {
  port: number;
  /**
   * Round trips so far over all connections: each time a client starts sending again after the
   * server has answered (or for the first time). Statements a client writes one behind another
   * before any answer (a pipeline, a batch) count as one, as they cost one network wait.
   */
  roundTrips(): number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  let roundTrips = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        let serverAnswered = true;
        client.on("data", () => {
          if (serverAnswered) roundTrips += 1;
          serverAnswered = false;
        });
        upstream.on("data", () => {
          serverAnswered = true;
        });
        client.pipe(upstream).pipe(client);
      });
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        const address = next.address();
        port = typeof address === "object" && address ? address.port : port;
        server = next;
        resolve();
      });
    });

  const cut = async () => {
    const current = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  return { port, roundTrips: () => roundTrips, cut, restore: listen, close: cut };
}
