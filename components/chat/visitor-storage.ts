// What this browser remembers for the chat, beside the server's record: the visitor's name or
// their "skip" (so the prompt is asked once, not on every visit) and the conversation they closed
// with "New conversation" (the server keeps showing a visitor's latest conversation until the next
// message starts another). Per site, like the visitor cookie; inside the embed, per embedding site.

import { VISITOR_NAME_MAX } from "@/lib/constants";

const NAME = "chatfolio:visitor-name";
const NAME_SKIPPED = "chatfolio:name-skipped";
const clearedKey = (chatbotId: string) => `chatfolio:cleared:${chatbotId}`;

// Storage can be refused (blocked third-party storage, private modes, quotas): the chat still
// works, it only forgets these choices on reload.
function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // See above: nothing to remember with.
  }
}

export interface StoredChoices {
  name: string | null;
  nameSkipped: boolean;
  clearedConversation: string | null;
}

export function readChoices(chatbotId: string): StoredChoices {
  return {
    name: read(NAME)?.trim().slice(0, VISITOR_NAME_MAX) || null,
    nameSkipped: read(NAME_SKIPPED) === "1",
    clearedConversation: read(clearedKey(chatbotId)),
  };
}

export function rememberName(name: string): void {
  write(NAME, name);
}

export function rememberNameSkipped(): void {
  write(NAME_SKIPPED, "1");
}

export function rememberCleared(chatbotId: string, conversationId: string): void {
  write(clearedKey(chatbotId), conversationId);
}
