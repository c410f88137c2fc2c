import { z } from "zod";
import { type ErrorCode, errorStatus } from "@/lib/errors";

const codes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

/** lib/errors.ts's ErrorBody as a zod schema, for the document only (the server builds the body itself). */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(codes),
      message: z.string().meta({ description: "Meant for people; may change. Branch on code, never on message." }),
      details: z
        .array(
          z.object({
            path: z
              .string()
              .meta({ description: 'Dotted path of the field, e.g. "configuration.tone"; "" for the body.' }),
            message: z.string(),
          }),
        )
        .optional()
        .meta({ description: "One entry per invalid field (validation_failed), or the conflicting field (conflict)." }),
    }),
  })
  .meta({ description: "Every error the API answers with, whatever the status." });
