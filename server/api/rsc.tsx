// Server components prefetch through a server-side caller and hand the cache
// to the browser, so client components make no request for data the first
// response already carried (docs/house-style.md, H14).
//
// One context per page request (React's cache): every prefetch shares the
// signed-in user, the memo (the engagement is loaded once) and the audit
// buffer, which HydrateClient writes in one INSERT before the data is sent.
// A page that renders no HydrateClient calls flushPageAudit() before it shows
// what it fetched; and whatever is still buffered when a response ends (a
// notFound(), an error) is written then (`after`).
import "server-only";
import { cache, type ReactNode } from "react";
import { headers } from "next/headers";
import { after } from "next/server";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import superjson from "superjson";
import { makeQueryClient } from "@/lib/trpc/query-client";
import { AuditBuffer } from "@/server/audit/record";
import { getDb } from "@/server/db/client";
import { getLogger } from "@/server/log";
import { appRouter, createCaller } from "./root";
import { createRequestContext } from "./context";

/** One per request; hands its data to the browser in superjson's format (read there by lib/wire.ts). */
export const getQueryClient = cache(() => makeQueryClient({ serializeData: superjson.serialize }));

const requestAudit = cache(() => {
  const buffer = new AuditBuffer();
  after(() =>
    buffer.flush(getDb()).catch((error: unknown) => getLogger().error({ component: "audit", err: error }, "audit write after the response failed")),
  );
  return buffer;
});

/** For a page without HydrateClient: writes its audit events before it shows what it fetched. */
export function flushPageAudit(): Promise<void> {
  return requestAudit().flush(getDb());
}

const requestContext = cache(async () => {
  const incoming = await headers();
  return createRequestContext(incoming, undefined, requestAudit());
});

/**
 * Calls procedures for data the server renders by itself (a chart drawn on
 * the server): same context, memo and audit as the prefetches, but nothing
 * is put in the query cache, so none of it is sent to the browser again.
 */
export const serverCaller = cache(async () => createCaller(await requestContext()));

export const trpc = createTRPCOptionsProxy({
  ctx: requestContext,
  router: appRouter,
  queryClient: getQueryClient,
});

/** Writes the page's audit events (one INSERT), then hands its prefetched data to the browser. */
export async function HydrateClient({ children }: { children: ReactNode }) {
  await flushPageAudit();
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
