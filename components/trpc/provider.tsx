"use client";

import { useState, type ReactNode } from "react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { browserTransformer, readWire } from "@/lib/wire";
import type { AppRouter } from "@/lib/trpc/types";
import { makeQueryClient } from "@/lib/trpc/query-client";
import { signedOutLink } from "./signed-out-link";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // Hydrates what the server prefetched (superjson's format, read by lib/wire.ts).
  const wire = { deserializeData: readWire };
  if (typeof window === "undefined") return makeQueryClient(wire);
  browserQueryClient ??= makeQueryClient(wire);
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // Not streamed: a batch's answer leaves once its audit events are written (app/api/trpc/[trpc]/route.ts).
      links: [signedOutLink, httpBatchLink({ url: "/api/trpc", transformer: browserTransformer })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
