import "server-only";
import confusables from "unhomoglyph/data.json";

/**
 * Look-alikes of plain ASCII from Unicode's confusables table (UTS #39, as unhomoglyph ships it):
 * Cyrillic "а" -> "a", Greek "ο" -> "o", "ı" -> "i". Only characters outside ASCII, and only those
 * whose look-alike is ASCII: the table also rewrites ASCII itself ("l" -> "I", "m" -> "rn") and
 * some letters to other scripts ("ö" -> Arabic "ة"), which would change the words an owner typed
 * and every visitor's plain words, so a blocked word written in ASCII would no longer match them.
 */
const ASCII_LOOK_ALIKES: ReadonlyMap<string, string> = new Map(
  Object.entries(confusables as Record<string, string>).filter(
    ([from, to]) => /\P{ASCII}/u.test(from) && /^\p{ASCII}+$/u.test(to),
  ),
);

// Format characters (category Cf: zero-width space and joiner, soft hyphen, word joiner,
// bidirectional marks...) and the other default-ignorable ones (the combining grapheme joiner,
// variation selectors) draw nothing, yet split a word in two for the database's word match.
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * The message as the blocked-word check reads it (private.start_turn's p_match_text), so a word
 * disguised with invisible or look-alike characters is still the word. Never stored or shown:
 * the visitor's message is stored as they wrote it. Case is left to the database, which lowers
 * the message and the blocked words with the same lower(). Accents are kept: "café" is not
 * "cafe", and the database compares the blocked words after the same NFKC.
 */
export function foldForWordMatch(message: string): string {
  // NFKC: fullwidth and other compatibility forms ("ｃａｓｉｎｏ", ligatures) become the plain
  // letters, and a letter with a combining accent ("cafe" + U+0301) the composed one ("café").
  const compatible = message.normalize("NFKC").replace(INVISIBLE, "");
  let folded = "";
  for (const character of compatible) folded += ASCII_LOOK_ALIKES.get(character) ?? character;
  // Again, as a look-alike base may carry a combining accent (Cyrillic "е" + U+0301 -> "é").
  return folded.normalize("NFKC");
}
