import { z } from "zod";
import { endpoints } from "@/lib/api/endpoint";

const account = endpoints({ tag: "Account", auth: "required" });

/** The export's shape; its rows are the database's own, so they are described loosely. */
const accountExportSchema = z.object({
  format: z.literal("chatfolio-export-1"),
  exported_at: z.string(),
  user: z.object({ id: z.uuid(), email: z.string() }),
  profile: z.record(z.string(), z.unknown()).nullable(),
  chatbots: z.array(z.record(z.string(), z.unknown())),
  visitors: z.array(z.record(z.string(), z.unknown())),
  messages: z.array(z.record(z.string(), z.unknown())),
  owner_replies: z.array(z.record(z.string(), z.unknown())),
});

export const exportAccountEndpoint = account("GET /api/account/export", "exportAccount", {
  summary: "Download all of the caller's data as one JSON file",
  description:
    "Profile, chatbots, visitors, messages and the owner's replies, as stored. Streamed as it is read, in keyset-paged batches, so a large account never sits in memory.",
  responses: {
    200: {
      description: "The export, as an attachment.",
      body: { name: "AccountExport", schema: accountExportSchema },
      contentType: "application/json",
      headers: {
        "Content-Disposition": { description: "attachment; filename=…", schema: { type: "string" } },
      },
    },
  },
});
