import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { GoalView } from "@/components/goals/goal-view";

export const metadata: Metadata = { title: "Goal" };

export default async function GoalPage({ params }: PageProps<"/goals/[goalId]">) {
  const { goalId } = await params;
  const user = await requireUser({ returnTo: `/goals/${encodeURIComponent(goalId)}` });
  await orNotFound(getQueryClient().fetchQuery(trpc.goal.byId.queryOptions({ goalId })));
  return (
    <HydrateClient>
      <GoalView goalId={goalId} timeZone={user.timeZone} />
    </HydrateClient>
  );
}
