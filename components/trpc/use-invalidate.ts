"use client";

import { useState } from "react";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { nextPageAfterRefresh, refreshAfterPages } from "./take-turns";

/**
 * Refetches what a change touched: every query under each key given (a
 * procedure's `queryKey()` or a router's `pathKey()`), together; resolves
 * once all are fresh, so a mutation's `onSuccess` can wait for it. A list
 * loading another page finishes it first (./take-turns.ts).
 */
export function useInvalidate(): (...queryKeys: QueryKey[]) => Promise<void> {
  const queryClient = useQueryClient();
  return async (...queryKeys) => {
    await Promise.all(queryKeys.map((queryKey) => refreshAfterPages(queryClient, queryKey)));
  };
}

/**
 * "Show more" for the list under `queryKey`: its next page, once a refresh of
 * it in flight is in (./take-turns.ts). `isLoading` covers that wait too.
 */
export function useShowMore(queryKey: QueryKey, list: { fetchNextPage: () => Promise<unknown>; isFetchingNextPage: boolean }) {
  const queryClient = useQueryClient();
  const [isWaiting, setIsWaiting] = useState(false);
  const showMore = () => {
    setIsWaiting(true);
    void nextPageAfterRefresh(queryClient, queryKey, list.fetchNextPage).finally(() => setIsWaiting(false));
  };
  return { isLoading: isWaiting || list.isFetchingNextPage, showMore };
}
