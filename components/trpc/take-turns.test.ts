// The two hands that fetch a paged, live list take turns (./take-turns.ts):
// with a real QueryClient and infinite query, whose fetches wait on a gate
// the test opens. The first test of each pair shows React Query's own
// behaviour, the reason for the helper: whichever fetch starts second cancels
// the one in flight.
import { describe, expect, it } from "vitest";
import { InfiniteQueryObserver, QueryClient } from "@tanstack/react-query";
import { nextPageAfterRefresh, refreshAfterPages } from "./take-turns";

const KEY = ["message", "list"];

/** An infinite list of pages 0, 1, 2 whose every fetch waits until the gate is open, and answers "<page>@<version>". */
function pagedList() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  let version = 1;
  let open = () => {};
  let gate = Promise.resolve();
  const observer = new InfiniteQueryObserver(queryClient, {
    queryKey: KEY,
    initialPageParam: 0,
    queryFn: async ({ pageParam, signal }) => {
      const asked = version;
      await gate;
      if (signal.aborted) throw new Error("aborted");
      return `${pageParam}@${asked}`;
    },
    getNextPageParam: (_page, _pages, lastParam: number) => (lastParam < 2 ? lastParam + 1 : undefined),
  });
  const unsubscribe = observer.subscribe(() => {});
  return {
    queryClient,
    observer,
    pages: () => observer.getCurrentResult().data?.pages ?? [],
    closeGate: () => {
      gate = new Promise((resolve) => (open = resolve));
    },
    openGate: () => open(),
    changeOnServer: () => (version += 1),
    settled: async () => {
      while (queryClient.isFetching() > 0) await new Promise((resolve) => setTimeout(resolve, 1));
    },
    done: () => {
      unsubscribe();
      queryClient.clear();
    },
  };
}

describe("a refresh while another page is loading", () => {
  it("on its own, React Query's invalidation cancels the page being loaded", async () => {
    const list = pagedList();
    await list.observer.refetch();
    list.closeGate();
    void list.observer.fetchNextPage();
    void list.queryClient.invalidateQueries({ queryKey: KEY });
    list.openGate();
    await list.settled();
    expect(list.pages()).toEqual(["0@1"]);
    list.done();
  });

  it("waits for that page, then refreshes both", async () => {
    const list = pagedList();
    await list.observer.refetch();
    list.closeGate();
    const more = list.observer.fetchNextPage();
    list.changeOnServer();
    const refresh = refreshAfterPages(list.queryClient, KEY);
    list.openGate();
    await Promise.all([more, refresh]);
    expect(list.pages()).toEqual(["0@2", "1@2"]);
    list.done();
  });
});

describe("another page asked for while a refresh is under way", () => {
  it("on its own, React Query's next page cancels the refresh", async () => {
    const list = pagedList();
    await list.observer.refetch();
    list.closeGate();
    list.changeOnServer();
    void list.queryClient.invalidateQueries({ queryKey: KEY });
    void list.observer.fetchNextPage();
    list.openGate();
    await list.settled();
    expect(list.pages()).toEqual(["0@1", "1@2"]);
    list.done();
  });

  it("waits for the refresh, then loads the page", async () => {
    const list = pagedList();
    await list.observer.refetch();
    list.closeGate();
    list.changeOnServer();
    const refresh = list.queryClient.invalidateQueries({ queryKey: KEY });
    const more = nextPageAfterRefresh(list.queryClient, KEY, () => list.observer.fetchNextPage());
    list.openGate();
    await Promise.all([refresh, more]);
    expect(list.pages()).toEqual(["0@2", "1@2"]);
    list.done();
  });
});

it("with nothing in flight, each goes at once", async () => {
  const list = pagedList();
  await list.observer.refetch();
  await nextPageAfterRefresh(list.queryClient, KEY, () => list.observer.fetchNextPage());
  list.changeOnServer();
  await refreshAfterPages(list.queryClient, KEY);
  expect(list.pages()).toEqual(["0@2", "1@2"]);
  list.done();
});
