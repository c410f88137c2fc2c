import "server-only";
import type { Endpoint } from "@/lib/api/endpoint";
import type { ApiKeyScope } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import type { Caller } from ".";

// What an API key's scope allows, decided here once: route() asks it for every API operation,
// action() for every server action, and the MCP server for every tool (a tool needs what its
// operation needs). A read key may call what is declared as GET; nothing it sends can change anything.

/** The scope an operation needs: `read` for a GET, `write` for anything else, unless it declares its own. */
export function scopeNeeded(endpoint: Pick<Endpoint, "method" | "keyScope">): ApiKeyScope {
  return endpoint.keyScope ?? (endpoint.method === "get" ? "read" : "write");
}

/**
 * Whether the caller may do what needs this scope. Sessions and access tokens may do whatever
 * their owner may; a key without a known scope is treated as `read` (fail closed).
 */
export function scopeAllows(caller: Caller, needed: ApiKeyScope): boolean {
  if (caller.via !== "api_key") return true;
  return caller.scope === "write" || needed === "read";
}

/** 403 insufficient_scope unless the caller's scope allows it. */
export function assertScopeAllows(caller: Caller, needed: ApiKeyScope): void {
  if (!scopeAllows(caller, needed)) throw new ApiError("insufficient_scope");
}
