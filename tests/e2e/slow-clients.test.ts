import net from "node:net";
import { describe, expect, inject, it } from "vitest";

// A slow client must not hold a connection open: headers within seconds, a body at a minimum rate
// (scripts/serve.mjs), while a slow but steady upload still gets its answer.

interface Outcome {
  /** The status line the server answered with, if any. */
  status: string | null;
  /** Milliseconds from connecting until the server answered or closed. */
  afterMs: number;
}

/** Opens a raw connection, runs send (which writes at its own pace), and waits for the end. */
function talk(baseUrl: string, send: (socket: net.Socket) => Promise<void>): Promise<Outcome> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    let received = "";
    const socket = net.connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
    const finish = () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? null;
      resolve({ status, afterMs: Date.now() - startedAt });
    };
    socket.setTimeout(60_000, () => reject(new Error("the server kept a slow connection for a minute")));
    socket.on("data", (chunk) => {
      received += chunk.toString();
      if (/^HTTP\/1\.1 \d{3}/.test(received)) socket.destroy();
    });
    socket.on("close", finish);
    socket.on("error", () => undefined);
    socket.on("connect", () => {
      send(socket).catch(() => undefined);
    });
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function trickle(socket: net.Socket, text: string, piece: number, everyMs: number): Promise<void> {
  for (let at = 0; at < text.length && !socket.destroyed; at += piece) {
    socket.write(text.slice(at, at + piece));
    await pause(everyMs);
  }
}

describe("slow clients against the production server", () => {
  const baseUrl = inject("embeddedBaseUrl");
  const headers = (length: number) =>
    `POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

  it("cuts off headers that trickle in", { timeout: 60_000 }, async () => {
    const outcome = await talk(baseUrl, (socket) => trickle(socket, `${headers(2)}{}`, 3, 1_000));
    expect(outcome.afterMs).toBeLessThan(15_000);
    expect(outcome.status ?? "closed").not.toBe("400");
  });

  it("cuts off a body that trickles in below the minimum rate", { timeout: 60_000 }, async () => {
    const body = JSON.stringify({ message: "x".repeat(4000) });
    const outcome = await talk(baseUrl, async (socket) => {
      socket.write(headers(Buffer.byteLength(body)));
      await trickle(socket, body, 20, 1_000);
    });
    expect(outcome.status).toBeNull();
    expect(outcome.afterMs).toBeLessThan(15_000);
  });

  it("answers a slow but steady body in full", { timeout: 60_000 }, async () => {
    const body = JSON.stringify({ padding: "y".repeat(24_000) });
    const outcome = await talk(baseUrl, async (socket) => {
      socket.write(headers(Buffer.byteLength(body)));
      await trickle(socket, body, 2_500, 1_000);
    });
    // All of it arrived, about ten seconds in: the server answers (the body is not a chat request).
    expect(outcome.status).toBe("400");
    expect(outcome.afterMs).toBeGreaterThan(8_000);
  });
});
