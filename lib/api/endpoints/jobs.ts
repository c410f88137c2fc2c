import { z } from "zod";
import { endpoints } from "@/lib/api/endpoint";

// Authenticated by CRON_SECRET in the handler, not by an owner's credentials.
const jobs = endpoints({ tag: "Jobs", auth: "none" });

const jobRunSchema = z.object({
  claimed: z.number().int().meta({ description: "Due jobs taken in this run (at most one batch)." }),
  done: z.number().int(),
  failed: z.number().int().meta({ description: "Failed this time; retried later with backoff." }),
});
const JobRun = { name: "JobRun", schema: jobRunSchema };
const description =
  "For an external scheduler where no server process stays up (Vercel Cron, a systemd timer): runs the due jobs of the queue, one batch. Needs `Authorization: Bearer <CRON_SECRET>`; without CRON_SECRET configured the route is off (404).";

export const runJobsEndpoint = jobs("POST /api/jobs/run", "runJobs", {
  summary: "Run the due jobs (scheduler)",
  description,
  errors: ["unauthorized", "not_found"],
  responses: { 200: { description: "What the run did.", body: JobRun } },
});

// Vercel Cron calls with GET.
export const runJobsByGetEndpoint = jobs("GET /api/jobs/run", "runJobsByGet", {
  summary: "Run the due jobs (scheduler, GET)",
  description,
  errors: ["unauthorized", "not_found"],
  responses: { 200: { description: "What the run did.", body: JobRun } },
});
