import type { Voice } from "@/lib/constants";
import type { OfflineReply } from "./reply";

/**
 * The offline model's reply to a visitor who wants to reach the owner. With the bot's contact form
 * on, it invites them to leave their details (the chat shows the form under this answer); off, it
 * says the owner reads the conversations. It never names a way to reach the owner: the only
 * address it could give would be an invented one.
 */
export function contactReply(ownerRef: string, takesDetails: boolean, voice: Voice = "assistant"): OfflineReply {
  const subject = ownerRef.charAt(0).toUpperCase() + ownerRef.slice(1);
  const text =
    voice === "first_person"
      ? takesDetails
        ? "You can leave your details for me right here: your name, your email and a short message. I'll see them and can get back to you."
        : "I read the conversations on this page, so you can leave a message for me right here in the chat."
      : takesDetails
        ? `You can leave your details for ${ownerRef} right here: your name, your email and a short message. ${subject} sees them and can get back to you.`
        : `${subject} reads the conversations on this page, so you can leave a message for ${ownerRef} right here in the chat.`;
  return { text, outcome: "small_talk", sources: [], offerContact: true };
}
