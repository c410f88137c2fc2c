import { runJobsByGetEndpoint, runJobsEndpoint } from "@/lib/api/endpoints/jobs";
import { route } from "@/lib/http/route";
import { runDueJobs } from "@/lib/jobs/run";
import { assertSchedulerCall } from "@/lib/jobs/scheduler";

export const dynamic = "force-dynamic";

// POST /api/jobs/run – an external scheduler runs the due jobs (Bearer CRON_SECRET)
export const POST = route(runJobsEndpoint)(async ({ request }) => {
  assertSchedulerCall(request.headers);
  return { status: 200, body: await runDueJobs() };
});

// GET /api/jobs/run – the same, for schedulers that call with GET (Vercel Cron)
export const GET = route(runJobsByGetEndpoint)(async ({ request }) => {
  assertSchedulerCall(request.headers);
  return { status: 200, body: await runDueJobs() };
});
