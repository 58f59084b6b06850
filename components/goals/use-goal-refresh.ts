"use client";

import { useTRPC } from "@/components/trpc/provider";
import { useInvalidate } from "@/components/trpc/use-invalidate";

/** After any change to a goal, refetch it and the lists that summarise it. */
export function useGoalRefresh(goalId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return () => invalidate(trpc.goal.byId.queryKey({ goalId }), trpc.goal.list.queryKey());
}
