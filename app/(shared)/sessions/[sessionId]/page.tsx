import type { Metadata } from "next";
import { maxMemoSeconds } from "@/server/voice/settings";
import { requireUser } from "@/server/auth/session";
import { crisisResourcesText } from "@/server/env";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { SessionView } from "@/components/sessions/session-view";

export const metadata: Metadata = { title: "Session" };

export default async function SessionPage({ params }: PageProps<"/sessions/[sessionId]">) {
  const { sessionId } = await params;
  const user = await requireUser({ returnTo: `/sessions/${encodeURIComponent(sessionId)}` });
  const queryClient = getQueryClient();
  const session = await orNotFound(queryClient.fetchQuery(trpc.session.byId.queryOptions({ sessionId })));
  // The goals panel; the one-by-one review loads its goal when it is opened (session-view.tsx).
  await queryClient.prefetchQuery(trpc.goal.list.queryOptions({ engagementId: session.engagement.id }));
  return (
    <HydrateClient>
      <SessionView sessionId={sessionId} timeZone={user.timeZone} crisisText={crisisResourcesText(user)} maxMemoSeconds={maxMemoSeconds()} />
    </HydrateClient>
  );
}
