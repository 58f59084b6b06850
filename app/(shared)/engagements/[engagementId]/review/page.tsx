import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { GoalReview } from "@/components/goals/goal-review";

export const metadata: Metadata = { title: "Review goals together" };

export default async function ReviewPage({ params }: PageProps<"/engagements/[engagementId]/review">) {
  const { engagementId } = await params;
  const user = await requireUser({ returnTo: `/engagements/${encodeURIComponent(engagementId)}/review` });
  const queryClient = getQueryClient();
  const [engagement, goals] = await Promise.all([
    orNotFound(queryClient.fetchQuery(trpc.engagement.byId.queryOptions({ engagementId }))),
    orNotFound(queryClient.fetchQuery(trpc.goal.list.queryOptions({ engagementId }))),
  ]);
  const first = goals.find((goal) => goal.status === "active");
  if (first) await queryClient.prefetchQuery(trpc.goal.byId.queryOptions({ goalId: first.id }));
  return (
    <HydrateClient>
      <div>
        <h1 className="text-2xl font-semibold">Review goals together</h1>
        <p className="text-ink-muted">
          With {engagement.counterpart.name}. Take each goal in turn: how close it feels now, what&apos;s next, and
          whether it still fits.
        </p>
      </div>
      {engagement.status === "active" ? (
        <GoalReview engagementId={engagementId} timeZone={user.timeZone} />
      ) : (
        <p className="rounded-lg bg-notice-soft px-4 py-3">This work together has ended, so goals can&apos;t be reviewed.</p>
      )}
    </HydrateClient>
  );
}
