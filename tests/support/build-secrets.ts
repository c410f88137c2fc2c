/**
 * Recognisable dummy values for every server-side secret, set while the e2e suite builds the app.
 * A bundle that inlined one (a server module imported by a client component, a variable exposed
 * by mistake) would carry it into .next/static, where anyone can download it.
 */
export const BUILD_SECRETS: Record<string, string> = {
  AUTH_SECRET: "canary-auth-secret-5f1d2c7e9a4b4c0f8e1d2c7e9a4b4c0f",
  OPENAI_API_KEY: "sk-canary-openai-key-0c4e8b9d",
  SUPABASE_JWT_SECRET: "canary-supabase-jwt-secret-7a3e51",
  SMTP_URL: "smtp://mailer:canary-smtp-password-2d8f@127.0.0.1:2525",
};
