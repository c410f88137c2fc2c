import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { setDatabaseForTests } from "@/lib/db";
import { openPostgres } from "@/lib/db/postgres";
import { describeEachDatabase } from "../support/databases";

describeEachDatabase("GET /api/health", () => {
  it("answers ok with the active backends", async () => {
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "ok", auth: "builtin", model: "offline" });
  });
});

describe("GET /api/health when the database cannot be reached", () => {
  // A port that accepts connections and never speaks: the driver would wait for ever.
  const held = new Set<net.Socket>();
  const silent = net.createServer((socket) => held.add(socket));
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it("answers 503 in the health shape when the server refuses connections", async () => {
    const refused = openPostgres("postgres://postgres@127.0.0.1:9/none", { max: 1 });
    setDatabaseForTests(refused);
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", database: "down" });
    await refused.close();
  });

  it("answers 503 within its timeout when the server never answers", async () => {
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const hanging = openPostgres(`postgres://postgres@127.0.0.1:${port}/none`, { max: 1 });
    setDatabaseForTests(hanging);
    const started = Date.now();
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(4_500);
  });
});
