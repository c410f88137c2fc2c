// What the chatbot editor's components need beyond the API's schemas.

/** The editor's live slug check: whether a slug may be the chatbot's, and why not. */
export type SlugAvailability = "available" | "taken" | "reserved" | "invalid";
