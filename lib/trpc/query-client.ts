import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";

/** A refusal (not found, forbidden, bad input) answers the same the second time. */
function isRefusal(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: unknown } } | null)?.data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}

/**
 * Shared by the server (prefetch + dehydrate) and the browser (hydrate). The
 * server never retries: a failed prefetch fails at once, so a not-found page
 * answers as fast as a found one. The browser retries a failed call once,
 * unless it was refused. The wire format comes from the caller: superjson on
 * the server (server/api/rsc.tsx), its light reader in the browser (lib/wire.ts).
 */
// TanStack's own type for these is `(data: any) => any`.
type TWireFn = (data: never) => unknown;

export function makeQueryClient(wire: { serializeData?: TWireFn; deserializeData?: TWireFn } = {}): QueryClient {
  const isServer = typeof window === "undefined";
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: isServer ? false : (failures, error) => failures < 1 && !isRefusal(error) },
      // A write is never sent again on its own: a form that couldn't reach the server keeps it in the
      // outbox (lib/offline/outbox.ts), which sends it with its idempotency key once.
      mutations: { retry: false },
      dehydrate: {
        serializeData: wire.serializeData as ((data: unknown) => unknown) | undefined,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: wire.deserializeData as ((data: unknown) => unknown) | undefined },
    },
  });
}
