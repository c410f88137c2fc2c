import type { OfflineReply } from "./answer";

/**
 * The offline model's reply to a visitor who wants to reach the owner. With the bot's contact form
 * on, it invites them to leave their details (the chat shows the form under this answer); off, it
 * says the owner reads the conversations. It never names a way to reach the owner: the only
 * address it could give would be an invented one.
 */
export function contactReply(ownerRef: string, takesDetails: boolean): OfflineReply {
  const subject = ownerRef.charAt(0).toUpperCase() + ownerRef.slice(1);
  return {
    text: takesDetails
      ? `You can leave your details for ${ownerRef} right here: your name, your email and a short message. ${subject} sees them and can get back to you.`
      : `${subject} reads the conversations on this page, so you can leave a message for ${ownerRef} right here in the chat.`,
    outcome: "small_talk",
    sources: [],
    offerContact: true,
  };
}
