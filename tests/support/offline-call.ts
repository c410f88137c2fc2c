import { groundingOf, offlineModelOptions } from "@/lib/ai/grounding";
import { buildInstructions, type OwnerProfile } from "@/lib/ai/instructions";
import type { Tone, Voice } from "@/lib/constants";

/**
 * What the chat passes a model for one owner, as lib/chat/answer.ts builds it: the instructions a
 * real model reads, and the same grounding handed to the offline model as data.
 */
export function groundedCall(
  profile: OwnerProfile,
  {
    voice = "assistant",
    guidance,
    tone,
    takesDetails = false,
  }: { voice?: Voice; guidance?: string; tone?: Tone; takesDetails?: boolean } = {},
) {
  return {
    instructions: buildInstructions(profile, { instructions: guidance, tone, voice }),
    providerOptions: offlineModelOptions({
      grounding: groundingOf(profile, voice, []),
      takes_details: takesDetails,
    }),
  };
}
