// Where a request came from, for throttling and audit events. `next start`
// sets x-forwarded-for from the socket; behind a proxy the first entry is the
// proxy's view of the client.
export type TRequestMeta = { ip: string; userAgent: string };

export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip") || "unknown").slice(0, 64);
}

export function requestMeta(headers: Headers): TRequestMeta {
  return { ip: clientAddress(headers), userAgent: (headers.get("user-agent") ?? "").slice(0, 300) };
}
