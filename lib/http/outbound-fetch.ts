import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";
import { getEnv } from "@/lib/env";

// Every request the server makes to an address an owner chose (a web page imported into knowledge,
// a webhook) goes through here, because such an address can point back inside: at the cloud's
// metadata service (169.254.169.254), the database's port on 127.0.0.1, an intranet. Unless the
// operator sets ALLOW_PRIVATE_NETWORK_FETCH, only public unicast addresses are reached: every
// address a name resolves to is checked, IPv4 and IPv6 (::ffff:127.0.0.1 is 127.0.0.1), and the
// connection goes to the address that was checked (the check runs inside the socket's own DNS
// lookup), so a name that resolves differently a moment later (DNS rebinding) gains nothing.
// fetchOutbound follows redirects by hand, each hop checked the same way, within one deadline and
// one size cap; postOutbound (webhooks) follows none.

export type OutboundFailure =
  | "bad_url"
  | "blocked_address"
  | "unreachable"
  | "timeout"
  | "too_large"
  | "too_many_redirects"
  | "http_status";

/** Why a fetch failed, in words an owner can act on; `reason` for callers that branch. */
export class OutboundFetchError extends Error {
  override name = "OutboundFetchError";
  constructor(
    readonly reason: OutboundFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface OutboundOptions {
  timeoutMs: number;
  /** The body's size after decompression; a longer one is refused, never truncated. */
  maxBytes: number;
  maxRedirects: number;
  accept?: string;
}

export interface OutboundResponse {
  /** Where the body came from, after redirects. */
  url: URL;
  status: number;
  /** The media type without parameters, lower case ("" when the server sent none). */
  mediaType: string;
  charset: string | null;
  body: Buffer;
}

/**
 * Whether an address is public unicast, the only kind reached without ALLOW_PRIVATE_NETWORK_FETCH.
 * Anything else is refused: private, loopback, link-local, unique-local, carrier-grade NAT,
 * multicast, reserved, and the IPv6 forms that can carry an IPv4 address inside (mapped,
 * IPv4-compatible ::/96, 6to4, Teredo, NAT64), whose inner address could be any of those.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === "unicast" && !isIpv4Compatible(parsed);
}

/**
 * ::a.b.c.d, deprecated since 2006 (RFC 4291) and never routed, but some stacks still hand it to
 * the IPv4 address inside: ipaddr.js calls it unicast, so it is refused here.
 */
function isIpv4Compatible(parsed: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return parsed.kind() === "ipv6" && parsed.match(ipaddr.parseCIDR("::/96"));
}

const privateAllowed = () => getEnv().ALLOW_PRIVATE_NETWORK_FETCH;

const blocked = (address: string) =>
  new OutboundFetchError(
    "blocked_address",
    `The address ${address} is on a private, loopback or link-local network, which the server does not fetch from.`,
  );

/** dns.lookup for the socket, refusing the whole name if any address it resolves to isn't public. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.find(({ address }) => !isPublicAddress(address));
    if (refused && !privateAllowed()) return callback(blocked(refused.address), "", 0);
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    return callback(null, first.address, first.family);
  });
};

/** A URL the rules let the server reach (scheme, no credentials, a literal address that is public); names are checked when they resolve. */
export function checkOutboundUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundFetchError("bad_url", "That is not a web address.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new OutboundFetchError("bad_url", "Only http:// and https:// addresses can be fetched.");
  }
  if (url.username || url.password) {
    throw new OutboundFetchError("bad_url", "Addresses with a user name or password can't be fetched.");
  }
  // A literal address never goes through the lookup: check it here. URL keeps IPv6 in brackets.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host) && !isPublicAddress(host) && !privateAllowed()) throw blocked(host);
  return url;
}

interface Hop {
  status: number;
  location: string | undefined;
  headers: http.IncomingHttpHeaders;
  stream: http.IncomingMessage;
}

interface HopRequest {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

function request(url: URL, { method, headers, body }: HopRequest, signal: AbortSignal): Promise<Hop> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      {
        method,
        // No pooled socket: each connection is made (and its address checked) for this request.
        agent: false,
        lookup: guardedLookup,
        signal,
        headers,
      },
      (response) =>
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location,
          headers: response.headers,
          stream: response,
        }),
    );
    outgoing.once("error", reject);
    outgoing.end(body);
  });
}

function decoded(hop: Hop): Readable {
  const encoding = String(hop.headers["content-encoding"] ?? "identity").toLowerCase();
  if (encoding === "identity") return hop.stream;
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "deflate"
        ? zlib.createInflate()
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : null;
  if (!decoder)
    throw new OutboundFetchError("unreachable", `The server answered in an unknown encoding (${encoding}).`);
  hop.stream.once("error", (error) => decoder.destroy(error));
  return hop.stream.pipe(decoder);
}

async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (maxBytes: number) =>
  new OutboundFetchError("too_large", `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);

/** GET a URL an owner chose, under the rules above; a non-2xx answer is an error. */
export async function fetchOutbound(raw: string | URL, options: OutboundOptions): Promise<OutboundResponse> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = checkOutboundUrl(raw);
  try {
    for (let redirects = 0; ; redirects++) {
      const hop = await request(
        url,
        {
          method: "GET",
          headers: {
            accept: options.accept ?? "*/*",
            "accept-encoding": "gzip, deflate, br",
            "user-agent": "Chatfolio (knowledge import)",
          },
        },
        signal,
      );
      if (hop.status >= 300 && hop.status < 400 && hop.location) {
        hop.stream.destroy();
        if (redirects >= options.maxRedirects) {
          throw new OutboundFetchError(
            "too_many_redirects",
            `The address redirects more than ${options.maxRedirects} times.`,
          );
        }
        url = checkOutboundUrl(new URL(hop.location, url));
        continue;
      }
      if (hop.status < 200 || hop.status >= 300) {
        hop.stream.destroy();
        throw new OutboundFetchError("http_status", `The server answered ${hop.status} for ${url.href}.`);
      }
      if (Number(hop.headers["content-length"] ?? 0) > options.maxBytes) {
        hop.stream.destroy();
        throw tooLarge(options.maxBytes);
      }
      const [mediaType = "", ...parameters] = String(hop.headers["content-type"] ?? "").split(";");
      const charset = parameters.map((part) => /^\s*charset="?([^";\s]+)"?/i.exec(part)?.[1]).find(Boolean) ?? null;
      const body = await readCapped(decoded(hop), options.maxBytes);
      return { url, status: hop.status, mediaType: mediaType.trim().toLowerCase(), charset, body };
    }
  } catch (error) {
    throw failure(error, url, signal, options.timeoutMs);
  }
}

/** A request's error in words an owner can act on. */
function failure(error: unknown, url: URL, signal: AbortSignal, timeoutMs: number): OutboundFetchError {
  // The guard's refusal in the socket's lookup arrives here as the request's own error.
  if (error instanceof OutboundFetchError) return error;
  if (signal.aborted) {
    return new OutboundFetchError("timeout", `The server did not answer within ${timeoutMs / 1000} seconds.`);
  }
  const code = (error as { code?: string }).code;
  return new OutboundFetchError(
    "unreachable",
    code === "ENOTFOUND"
      ? `No server is known by the name ${url.hostname}.`
      : `The server at ${url.host} could not be reached${code ? ` (${code})` : ""}.`,
  );
}

export interface OutboundPost {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** How much of the answer's body to keep, in bytes; the rest is not read. */
  excerptBytes: number;
}

/**
 * POST to a URL an owner chose (a webhook), under the same address rules. A redirect is not
 * followed (a receiver that moved answers 3xx, which the caller treats as a failure), and any
 * status comes back rather than throwing: only a refused address, a connection that fails or the
 * deadline throws. Of the answer only the first `excerptBytes` are read.
 */
export async function postOutbound(
  raw: string | URL,
  { headers, body, timeoutMs, excerptBytes }: OutboundPost,
): Promise<{ status: number; excerpt: string }> {
  const signal = AbortSignal.timeout(timeoutMs);
  const url = checkOutboundUrl(raw);
  try {
    const hop = await request(url, { method: "POST", headers, body }, signal);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of hop.stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= excerptBytes) break;
    }
    hop.stream.destroy();
    return { status: hop.status, excerpt: Buffer.concat(chunks).subarray(0, excerptBytes).toString("utf8") };
  } catch (error) {
    throw failure(error, url, signal, timeoutMs);
  }
}
