"use client";

import { Button } from "./button";
import { useIsHydrated } from "./use-is-hydrated";

/** "Show more" at the foot of a list that loads a page at a time: "Loading…" while it does, gone when there is no more. */
export function LoadMoreButton({
  hasMore,
  isLoading,
  onClick,
  children,
}: {
  hasMore: boolean;
  isLoading: boolean;
  onClick: () => void;
  children: string;
}) {
  // Disabled until the page is interactive: a tap before then would be silently lost.
  const isHydrated = useIsHydrated();
  if (!hasMore) return null;
  return (
    <Button variant="secondary" className="self-start" disabled={isLoading || !isHydrated} onClick={onClick}>
      {isLoading ? "Loading…" : children}
    </Button>
  );
}
