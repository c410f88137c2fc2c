import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";

/**
 * The origin this request reached, for canonical and Open Graph URLs. Forwarded headers count
 * only behind a trusted proxy (TRUST_PROXY), as everywhere else in the app.
 */
export async function siteOrigin(): Promise<URL> {
  const list = await headers();
  const trusted = getEnv().TRUST_PROXY;
  const first = (name: string) => list.get(name)?.split(",")[0]?.trim() || undefined;
  const host = (trusted ? first("x-forwarded-host") : undefined) ?? list.get("host") ?? "localhost:3000";
  const proto = (trusted ? first("x-forwarded-proto") : undefined) ?? "http";
  try {
    return new URL(`${proto === "https" ? "https" : "http"}://${host}`);
  } catch {
    return new URL("http://localhost:3000");
  }
}
