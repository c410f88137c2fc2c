/*
 * The offline model's rule, as a check: every sentence it says is fixed template text or the
 * owner's own words. An answer passes when, once the template vocabulary is set aside, each run of
 * words left (runs end at sentence punctuation) appears as one unbroken span of the owner's content.
 * So "Ada is based in Lisbon, Portugal." passes on a profile holding "Lisbon, Portugal", and a name,
 * number or phrase that the owner never wrote fails, wherever the model put it.
 */

/** Every word the fixed answer templates may contribute; anything else must come from the owner. */
export const TEMPLATE_WORDS = new Set(
  `hi i'm assistant i can also tell you about location background skills experience and interests what would
  like to know here's the profile says this belongs that's everything don't that from sorry can't help with
  here answer questions is based in you're welcome feel free ask anything else owner doesn't have any details
  yet s notes reads conversations on this page so leave a message right chat your name email short sees them get
  back for afraid say include includes own words i've written me my work isn't something it i'll read see`.split(/\s+/),
);

const BREAK = "\u0000";

/** Lower-cased words, with a break marker at each sentence-like boundary. */
function words(text: string): string[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[.!?;:"“”()]/gu) ?? [];
  return tokens.flatMap((token) => {
    if (!/[\p{L}\p{N}]/u.test(token)) return [BREAK];
    const word = token.replace(/’/g, "'");
    // "Ada's" is the name plus a template possessive.
    return word.endsWith("'s") && !TEMPLATE_WORDS.has(word) ? [word.slice(0, -2), "s"] : [word];
  });
}

/** The spans of an answer that are neither template words nor a span of the owner's content. */
export function ungroundedSpans(answer: string, ownerContent: readonly string[]): string[] {
  const sources = ownerContent.map(
    (text) =>
      ` ${words(text)
        .filter((word) => word !== BREAK)
        .join(" ")} `,
  );
  const spans: string[] = [];
  let run: string[] = [];
  const flush = () => {
    const span = run.join(" ");
    if (span !== "" && !sources.some((source) => source.includes(` ${span} `))) spans.push(span);
    run = [];
  };
  for (const word of words(answer)) {
    if (word === BREAK || TEMPLATE_WORDS.has(word)) flush();
    else run.push(word);
  }
  flush();
  return spans;
}
