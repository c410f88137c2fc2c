// Mirrors lib/validation/chat.ts: importing that module here would ship zod to the browser.
export const MESSAGE_MAX = 4_000;
export const NAME_MAX = 100;
