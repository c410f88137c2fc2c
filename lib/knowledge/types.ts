import type { KnowledgeItem } from "./schemas";

// What the knowledge use cases, their queries and the dashboard's components share beyond the
// API's schemas.

/** What a stored item is made of, whatever the input's shape. */
export interface KnowledgeRecord {
  kind: KnowledgeItem["kind"];
  title: string;
  body: string;
  alternatives: string[];
  /** A web page's address. */
  sourceUrl?: string;
  /** An upload kept as sent, when its owner chose to. */
  original?: { bytes: Uint8Array; mediaType: string };
}

/** An item as a chatbot's knowledge chooser lists it. */
export interface KnowledgeChoice {
  id: string;
  kind: KnowledgeItem["kind"];
  title: string;
}

/** What an owner's knowledge takes of its quota. */
export interface KnowledgeUsage {
  items: number;
  /** Titles, bodies and kept originals, as stored. */
  bytes: number;
}
