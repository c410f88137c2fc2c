import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type RunningServer, startServer } from "@/scripts/next-server";
import { openTestDatabase, type TestDatabase } from "../support/databases";
import { call, signUpOverHttp } from "../support/http-client";
import { type SmtpStub, startSmtpStub } from "../support/smtp-server";

// A queued email survives the server that queued it: the first server takes the visitor's turn
// and queues the owner's "couldn't answer" email but runs no jobs (JOB_WORKER=off), and is
// stopped; a new server on the same database sends it. The queue is rows in the database, not
// anything a process holds.

const template = inject("postgresTemplate");

describe("the job queue across a restart", () => {
  let smtp: SmtpStub;
  const running: RunningServer[] = [];
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    smtp = await startSmtpStub();
  });

  afterAll(async () => {
    for (const server of running) await server.stop();
    for (const cleanup of cleanups) await cleanup();
    await smtp?.close();
  });

  async function queueThenRestart(env: Record<string, string>) {
    const shared = { ...env, SMTP_URL: smtp.url };
    const first = await startServer({ ...shared, JOB_WORKER: "off" });
    running.push(first);
    const owner = await signUpOverHttp(first, "restart");
    const slug = `restart-${randomUUID().slice(0, 8)}`;
    const created = await call(first, "/api/chatbots", {
      token: owner.token,
      body: { name: "Restart bot", public_url_slug: slug, is_public: true },
    });
    expect(created.status).toBe(201);
    const question = `Does she keep ${randomUUID().slice(0, 6)} bees?`;
    const turn = await call(first, "/api/chat", {
      body: { chatbot_slug: slug, visitor_id: `restart-${randomUUID()}`, message: question },
    });
    expect(turn.status).toBe(200);
    // Longer than the worker's poll: a worker, had one run, would have sent it by now.
    await new Promise((resolve) => setTimeout(resolve, 16_000));
    expect(smtp.received.filter((mail) => mail.to.includes(owner.email.toLowerCase()))).toEqual([]);
    await first.stop();
    running.splice(running.indexOf(first), 1);

    running.push(await startServer(shared));
    const mail = await smtp.waitFor(owner.email.toLowerCase(), 45_000);
    expect(mail.raw).toContain(question);
  }

  it("sends what the embedded database queued before the restart", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "chatfolio-restart-"));
    cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    await queueThenRestart({ DATABASE_URL: "", PGLITE_DATA_DIR: dataDir });
  }, 150_000);

  it.skipIf(!template)(
    "sends what PostgreSQL queued before the restart",
    async () => {
      const database: TestDatabase = await openTestDatabase("postgres");
      cleanups.push(() => database.dispose());
      await queueThenRestart({ DATABASE_URL: database.url ?? "", AUTH_SECRET: randomBytes(32).toString("hex") });
    },
    150_000,
  );
});
