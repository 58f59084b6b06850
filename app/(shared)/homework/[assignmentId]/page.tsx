import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { HomeworkView } from "@/components/homework/homework-view";
import { maxMemoSeconds } from "@/server/voice/settings";

export const metadata: Metadata = { title: "Homework" };

export default async function HomeworkPage({ params }: PageProps<"/homework/[assignmentId]">) {
  const { assignmentId } = await params;
  const user = await requireUser({ returnTo: `/homework/${encodeURIComponent(assignmentId)}` });
  await orNotFound(getQueryClient().fetchQuery(trpc.homework.byId.queryOptions({ assignmentId })));
  return (
    <HydrateClient>
      <HomeworkView assignmentId={assignmentId} timeZone={user.timeZone} maxMemoSeconds={maxMemoSeconds()} />
    </HydrateClient>
  );
}
