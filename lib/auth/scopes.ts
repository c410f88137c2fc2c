import "server-only";
import type { HttpMethod } from "@/lib/api/endpoint";
import { ApiError } from "@/lib/errors";
import type { Caller } from ".";

// What an API key's scope allows, decided here once: route() asks it for every API operation,
// action() for every server action, and the MCP server for every tool (a tool is its operation's
// method). A read key may call what is declared as GET; nothing it sends can change anything.

/**
 * Whether the caller may run an operation of this method. Sessions and access tokens may do
 * whatever their owner may; a key without a known scope is treated as `read` (fail closed).
 */
export function scopeAllows(caller: Caller, method: HttpMethod): boolean {
  if (caller.via !== "api_key") return true;
  return caller.scope === "write" || method === "get";
}

/** 403 insufficient_scope unless the caller's scope allows an operation of this method. */
export function assertScopeAllows(caller: Caller, method: HttpMethod): void {
  if (!scopeAllows(caller, method)) throw new ApiError("insufficient_scope");
}
