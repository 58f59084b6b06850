"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

/** After any change to a goal, refetch it and the lists that summarise it. */
export function useGoalRefresh(goalId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.goal.byId.queryKey({ goalId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.goal.list.queryKey() }),
    ]);
}
