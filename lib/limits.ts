import "server-only";

// What one deployment allows, for the pieces that have no feature folder of their own yet (chat,
// auth, account, jobs). A feature's own limits live beside its schemas (lib/<feature>/schemas.ts:
// webhooks, knowledge, API keys, chatbots); a chatbot's own limits (configuration.rate_limit) are
// its owner's, in lib/chatbots/configuration.ts. Imports nothing of ours (a kernel module).

/** Earlier exchanges of a conversation the model sees with each new message. */
export const HISTORY_TURNS = 10;

/**
 * Sign-in, token and sign-up attempts allowed within one window per IP, and per email from one IP;
 * past it, each further attempt waits twice as long as the one before (1 s, 2 s, 4 s...).
 */
export const AUTH_ATTEMPT_LIMIT = 10;

/**
 * Attempts at one email from all addresses together within one window: high enough that failures
 * from elsewhere never lock the owner out from their own address, low enough to stop a
 * distributed guess at the password.
 */
export const AUTH_EMAIL_ATTEMPT_CEILING = 100;
export const AUTH_WINDOW_SECONDS = 10 * 60;

/**
 * One client address may send this many times a bot's per-visitor limit, so an office behind one
 * address isn't locked out. private.start_turn enforces it with the number written in its SQL;
 * tests/integration/chat-api.test.ts fails when the two disagree.
 */
export const IP_LIMIT_MULTIPLIER = 5;

/**
 * Minting an API key needs the password to have been given this recently (sign-in, or a
 * confirmation in the dashboard): a stolen session or access token alone cannot make a key that
 * outlives it.
 */
export const RECENT_AUTHENTICATION_SECONDS = 10 * 60;

/** A password-reset link works once, within this time. */
export const PASSWORD_RESET_TTL_SECONDS = 60 * 60;
/** A link confirming a new email address works once, within this time. */
export const EMAIL_CHANGE_TTL_SECONDS = 24 * 60 * 60;
/** Password-reset requests per email and per IP within AUTH_WINDOW_SECONDS (each may send a mail). */
export const PASSWORD_RESET_LIMIT = 5;

/**
 * Rows deleted (account deletion) or read (data export) per statement: each batch is its own short
 * transaction, so a large account stays within statement timeouts and holds no lock for long.
 */
export const ACCOUNT_BATCH_ROWS = 2_000;

/**
 * The job queue (lib/jobs): how often each server looks for due jobs, how many it takes at once,
 * how long a claim lasts (a job whose worker died runs again after it), how long one attempt may
 * take, and the backoff after a failure: 30 s doubling per attempt, at most 6 hours.
 */
export const JOB_POLL_SECONDS = 15;
export const JOB_BATCH = 20;
export const JOB_CLAIM_SECONDS = 120;
export const JOB_ATTEMPT_TIMEOUT_MS = 60_000;
export const JOB_RETRY_BASE_SECONDS = 30;
export const JOB_RETRY_MAX_SECONDS = 6 * 60 * 60;

/**
 * After an immediate email of new contacts, the owner's next one waits this long and names every
 * contact that came meanwhile: a burst makes two emails, not one per contact.
 */
export const CONTACT_EMAIL_PAUSE_MINUTES = 10;

/** Conversations past their bot's retention deleted per run of the queue (a run every 15 s per server). */
export const RETENTION_BATCH = 200;

/** How long the link in a reply email reopens the conversation on another device. */
export const REPLY_LINK_DAYS = 30;
