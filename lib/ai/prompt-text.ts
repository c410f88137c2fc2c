// Text the owner wrote, as it goes into a prompt. It is written by the owner (and guidance may be
// pasted from anywhere), so it must not be able to forge the prompt's `<profile>` or
// `<knowledge>` markers or a `## Heading` line; entity-style escaping keeps it readable for an LLM.

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

export function escapeProfileText(text: string): string {
  return normalizeNewlines(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/^#/gm, "&#35;");
}
