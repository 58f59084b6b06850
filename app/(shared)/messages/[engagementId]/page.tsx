import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { crisisResourcesText } from "@/server/env";
import { maxMemoSeconds } from "@/server/voice/settings";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { Conversation } from "@/components/messages/conversation";
import { NotForEmergencies } from "@/components/messages/not-for-emergencies";

export const metadata: Metadata = { title: "Messages" };

const nextPage = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;

/**
 * One engagement's conversation, for its client and its therapist: the frame
 * (rules, names, read marks) and the newest page of messages come with the
 * page; older pages load on request. The same statements for 10 messages or
 * 10,000 (e2e/deployment/statement-budget.spec.ts).
 */
export default async function ConversationPage({ params }: PageProps<"/messages/[engagementId]">) {
  const { engagementId } = await params;
  const user = await requireUser({ returnTo: `/messages/${encodeURIComponent(engagementId)}` });
  const queryClient = getQueryClient();
  const [engagement] = await Promise.all([
    orNotFound(queryClient.fetchQuery(trpc.engagement.byId.queryOptions({ engagementId }))),
    queryClient.prefetchQuery(trpc.message.conversation.queryOptions({ engagementId })),
    queryClient.prefetchInfiniteQuery(trpc.message.list.infiniteQueryOptions({ engagementId }, { getNextPageParam: nextPage })),
  ]);
  const isClient = user.role === "client";
  const name = engagement.counterpart.name;
  return (
    <HydrateClient>
      <Link href={isClient ? "/between-sessions" : `/clients/${engagement.id}`} className="text-brand-strong underline">
        ← {isClient ? "Today" : name}
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">Messages with {name}</h1>
        <p className="text-ink-muted">Only you and {name} can read these messages.</p>
      </div>
      {isClient ? <NotForEmergencies therapistName={name} crisisText={crisisResourcesText(user)} /> : null}
      <Conversation
        engagementId={engagement.id}
        viewerRole={user.role}
        timeZone={user.timeZone}
        maxMemoSeconds={isClient && engagement.status === "active" ? maxMemoSeconds() : undefined}
      />
    </HydrateClient>
  );
}
