// A list loaded a page at a time ("Show earlier messages") that is also
// refreshed (a live "something changed", a mutation's success) is fetched by
// two hands at once. React Query cancels whichever fetch is in flight when the
// other starts (`cancelRefetch`): a refresh dropped the page being loaded, and
// "Show more" dropped the refresh. These two take turns instead
// (components/trpc/use-invalidate.ts is how components call them).
import type { Query, QueryClient, QueryKey } from "@tanstack/react-query";

/** Resolves once no query under `queryKey` is fetching in the way `isBusy` says. */
function until(queryClient: QueryClient, queryKey: QueryKey, isBusy: (query: Query) => boolean): Promise<void> {
  const cache = queryClient.getQueryCache();
  const isAnyBusy = () => cache.findAll({ queryKey }).some((query) => query.state.fetchStatus === "fetching" && isBusy(query));
  if (!isAnyBusy()) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = cache.subscribe(() => {
      if (isAnyBusy()) return;
      unsubscribe();
      resolve();
    });
  });
}

const isLoadingAnotherPage = (query: Query) => query.state.fetchMeta?.fetchMore !== undefined;

/** Refetches every query under `queryKey`, once a further page being loaded under it is in. */
export async function refreshAfterPages(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  await until(queryClient, queryKey, isLoadingAnotherPage);
  await queryClient.invalidateQueries({ queryKey });
}

/** Loads the next page of the list under `queryKey`, once a fetch of it in flight (a refresh) is in. */
export async function nextPageAfterRefresh(queryClient: QueryClient, queryKey: QueryKey, fetchNextPage: () => Promise<unknown>): Promise<void> {
  await until(queryClient, queryKey, () => true);
  await fetchNextPage();
}
