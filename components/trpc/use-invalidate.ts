"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";

/**
 * Refetches what a change touched: every query under each key given (a
 * procedure's `queryKey()` or a router's `pathKey()`), together; resolves
 * once all are fresh, so a mutation's `onSuccess` can wait for it.
 */
export function useInvalidate(): (...queryKeys: QueryKey[]) => Promise<void> {
  const queryClient = useQueryClient();
  return async (...queryKeys) => {
    await Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
}
