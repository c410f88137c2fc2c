import "server-only";

// Deployment-wide limits, in one place.

/** Plenty for real integrations; stops a script (or a stolen session) from minting keys endlessly. */
export const MAX_API_KEYS_PER_OWNER = 50;
