// Where a request came from, for throttling and audit events.
//
// INVARIANTS
// - The client's address is the socket's, unless the operator says how many
//   proxies in front of Alliance to trust (TRUSTED_PROXY_HOPS): then it is
//   the entry that many hops back in X-Forwarded-For, the one the outermost
//   trusted proxy wrote. Entries further left are whatever the client sent
//   and are never believed, so forging the header buys nothing.
// - The address is decided once, by the app's own HTTP server
//   (scripts/serve.ts), from the socket, and handed to the app in
//   CLIENT_ADDRESS_HEADER after any copy the client sent is dropped. The app
//   reads only that header: a request that did not come through the server
//   (`next dev`, a bare `next start`) counts as "unknown", never as an
//   address the client chose.
import { isIP } from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";

export type TRequestMeta = { ip: string; userAgent: string };

/** Set by scripts/serve.ts on every request, from the socket; anything the client sent under this name is dropped first. */
export const CLIENT_ADDRESS_HEADER = "x-alliance-client-address";

const UNKNOWN_ADDRESS = "unknown";

/** "::ffff:10.0.0.1" (IPv4 on a dual-stack socket) → "10.0.0.1"; anything that is not an IP address → null. */
function normaliseAddress(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  const address = trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(address) ? address : null;
}

/**
 * The client's address: `trustedHops` 0 → the socket's peer. With N trusted
 * proxies, the chain [X-Forwarded-For entries…, socket peer] ends in N
 * addresses of those proxies (the socket peer is the nearest); the client is
 * the entry just before them. A chain shorter than that (a request that
 * bypassed a proxy) gives its leftmost entry; a malformed entry where the
 * client should be gives the nearest trusted address instead.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const socket = normaliseAddress(socketAddress) ?? UNKNOWN_ADDRESS;
  if (trustedHops <= 0) return socket;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const chain = [...forwarded, socket];
  const index = Math.max(0, chain.length - 1 - trustedHops);
  for (let position = index; position < chain.length; position += 1) {
    const address = position === chain.length - 1 ? socket : normaliseAddress(chain[position]);
    if (address) return address;
  }
  return socket;
}

/** The app's HTTP server hands every request to `handler` only after this has stamped its address (scripts/serve.ts). */
export function withClientAddress<T>(trustedHops: number, handler: (request: IncomingMessage, response: ServerResponse) => T) {
  return (request: IncomingMessage, response: ServerResponse): T => {
    request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedHops);
    return handler(request, response);
  };
}

/** The address the server decided (see the header comment); "unknown" when the request did not come through it. */
export function clientAddress(headers: Headers): string {
  return normaliseAddress(headers.get(CLIENT_ADDRESS_HEADER) ?? undefined) ?? UNKNOWN_ADDRESS;
}

export function requestMeta(headers: Headers): TRequestMeta {
  return { ip: clientAddress(headers), userAgent: (headers.get("user-agent") ?? "").slice(0, 300) };
}
