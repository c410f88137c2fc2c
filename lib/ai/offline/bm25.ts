import type { Lexicon, Term } from "@/lib/language/analysis";

const BM25_K1 = 1.2;
const BM25_B = 0.75;

/**
 * BM25 over passages' terms, where a question term also finds the words that mean the same or are
 * kinds of it ("sport" finds "football"), at the lexicon's lower weight for those.
 */
export class Bm25Index {
  private readonly averageLength: number;
  private readonly frequencies = new Map<string, number[]>();

  constructor(
    private readonly documents: readonly Term[][],
    private readonly lexicon: Lexicon,
  ) {
    const totalLength = documents.reduce((sum, terms) => sum + terms.length, 0);
    this.averageLength = documents.length === 0 ? 0 : totalLength / documents.length;
  }

  /** How much each document holds the term: the sum of its terms' matches. */
  private frequenciesOf(term: Term, derived: boolean): number[] {
    // A word that says what kind of thing is asked finds only itself and its synonyms: "what's his
    // job?" is not answered by a hobby that is a kind of job ("teaching my daughter to bake").
    const narrower = !term.asksKind;
    const key = `${term.lemma}|${narrower}|${derived}`;
    const known = this.frequencies.get(key);
    if (known) return known;
    const frequencies = this.documents.map((terms) =>
      terms.reduce((sum, candidate) => sum + this.lexicon.match(term, candidate, { narrower, derived }), 0),
    );
    this.frequencies.set(key, frequencies);
    return frequencies;
  }

  contains(term: Term): boolean {
    return this.frequenciesOf(term, true).some((frequency) => frequency > 0);
  }

  /** `derived: false` leaves out words that only share a root ("earned" for "salary"): too weak to find an answer alone. */
  score(documentIndex: number, queryTerms: readonly Term[], { derived = true }: { derived?: boolean } = {}): number {
    const length = this.documents[documentIndex]?.length ?? 0;
    const lengthNorm = 1 - BM25_B + BM25_B * (length / (this.averageLength || 1));
    let total = 0;
    const seen = new Set<string>();
    for (const term of queryTerms) {
      if (seen.has(term.lemma)) continue;
      seen.add(term.lemma);
      const frequencies = this.frequenciesOf(term, derived);
      const frequency = frequencies[documentIndex] ?? 0;
      if (frequency === 0) continue;
      const containing = frequencies.filter((value) => value > 0).length;
      const idf = Math.log(1 + (this.documents.length - containing + 0.5) / (containing + 0.5));
      total += (idf * frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * lengthNorm);
    }
    return total;
  }
}
