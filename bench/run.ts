// npm run bench – load on the production server: POST /api/chat (offline model) against
// GET /api/health as the same-run baseline, on the embedded database and, when DATABASE_URL is
// set, on PostgreSQL. Bounded: BENCH_REQUESTS per endpoint, BENCH_CONCURRENCY clients, loopback only.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { migrate } from "@/lib/db/migrate";
import { openPostgres } from "@/lib/db/postgres";
import { buildApp, type RunningServer, startServer } from "@/scripts/next-server";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TTFB_SAMPLES = 50;
const TIMEOUT_MS = 30_000;

const QUESTIONS = [
  "Where is she based?",
  "What are her main skills?",
  "Where did she work before?",
  "What does she do for fun?",
  "Tell me about her background.",
];

interface Stats {
  p50: number;
  p95: number;
  rps: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function load(send: (i: number) => Promise<Response>): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < REQUESTS) {
      const i = next++;
      const t0 = performance.now();
      try {
        const response = await send(i);
        await response.arrayBuffer();
        if (!response.ok) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), rps: REQUESTS / elapsed, errors };
}

async function ttfb(send: () => Promise<Response>): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < TTFB_SAMPLES; i++) {
    const t0 = performance.now();
    const response = await send();
    const reader = response.body?.getReader();
    await reader?.read();
    samples.push(performance.now() - t0);
    await reader?.cancel();
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** A fresh owner with a profile and a bot whose limits the load will not hit, made through the API. */
async function prepareBot(baseUrl: string): Promise<string> {
  const headers = { "content-type": "application/json", origin: baseUrl };
  const credentials = { email: `bench-${randomBytes(4).toString("hex")}@example.test`, password: "bench-password-1" };
  const post = (path: string, body: unknown, extra: Record<string, string> = {}, method = "POST") =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...extra },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  const signup = await post("/api/auth/signup", credentials);
  if (signup.status !== 201) throw new Error(`signup failed: ${signup.status} ${await signup.text()}`);
  const token = (await (await post("/api/auth/token", credentials)).json()).access_token as string;
  const auth = { authorization: `Bearer ${token}` };
  const profile = await post(
    "/api/profile",
    {
      name: "Grace Bench",
      location: "Dublin, Ireland",
      bio: "Grace builds developer tools and writes about performance.",
      skills: "Go, TypeScript, PostgreSQL, profiling, distributed systems.",
      experience: "Staff engineer at Lighthouse since 2020. Before that, five years at a database startup.",
      interests: "Rowing, chess and baking sourdough.",
    },
    auth,
    "PUT",
  );
  if (!profile.ok) throw new Error(`profile failed: ${profile.status} ${await profile.text()}`);
  const bot = await post(
    "/api/chatbots",
    { name: "Bench bot", configuration: { rate_limit: { max_messages: 1000, window_seconds: 10 } } },
    auth,
  );
  if (bot.status !== 201) throw new Error(`chatbot failed: ${bot.status} ${await bot.text()}`);
  return (await bot.json()).id as string;
}

async function benchmark(name: string, server: RunningServer): Promise<string[]> {
  const { baseUrl } = server;
  const chatbotId = await prepareBot(baseUrl);
  const health = () => fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  const chat = (i: number, stream = false) =>
    fetch(`${baseUrl}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        message: QUESTIONS[i % QUESTIONS.length],
        visitor_id: `bench-${i}-${randomBytes(3).toString("hex")}`,
        chatbot_id: chatbotId,
        stream,
      }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });

  for (let i = 0; i < 20; i++) {
    await (await health()).arrayBuffer();
    await (await chat(i)).arrayBuffer();
  }
  const healthStats = await load(() => health());
  const chatStats = await load((i) => chat(i));
  const first = await ttfb(() => chat(Math.floor(Math.random() * 1000), true));
  const row = (endpoint: string, s: Stats) =>
    `| ${name} | ${endpoint} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.rps.toFixed(0)} | ${s.errors} |`;
  return [
    row("GET /api/health", healthStats),
    row("POST /api/chat (JSON, offline)", chatStats),
    `| ${name} | chat ÷ health | ×${(chatStats.p50 / healthStats.p50).toFixed(1)} p50 | ×${(chatStats.p95 / healthStats.p95).toFixed(1)} p95 | ×${(healthStats.rps / chatStats.rps).toFixed(1)} fewer | |`,
    `| ${name} | POST /api/chat (stream) first byte | ${first.p50.toFixed(1)} | ${first.p95.toFixed(1)} | | |`,
  ];
}

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== "1") buildApp();
  const quota = { OWNER_MONTHLY_MESSAGES: "100000000" };
  const rows: string[] = [];

  const embedded = await startServer({ DATABASE_URL: "", PGLITE_DATA_DIR: "memory://", ...quota });
  try {
    rows.push(...(await benchmark("embedded (PGlite)", embedded)));
  } finally {
    embedded.stop();
  }

  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const db = openPostgres(databaseUrl, { max: 1 });
    await migrate(db);
    await db.close();
    const onPostgres = await startServer({
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("hex"),
      ...quota,
    });
    try {
      rows.push(...(await benchmark("PostgreSQL", onPostgres)));
    } finally {
      onPostgres.stop();
    }
  }

  console.log(
    `\n${REQUESTS} requests per endpoint, ${CONCURRENCY} concurrent clients, ${TTFB_SAMPLES} sequential streams; ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}\n`,
  );
  console.log("| target | endpoint | p50 ms | p95 ms | req/s | errors |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
