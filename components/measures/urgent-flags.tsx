"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { INSTRUMENTS, PHQ9_SAFETY_ITEM } from "@/lib/measures/instruments";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import type { TMeasuresOverview } from "@/lib/trpc/types";

/**
 * Open urgent flags (PHQ-9 item 9 above 0), said in words, each until the
 * therapist acknowledges it (audited on the server). The page refreshes after
 * so the caseload and the client page agree.
 */
export function UrgentFlags({
  engagementId,
  flags,
  clientName,
  timeZone,
}: {
  engagementId: string;
  flags: TMeasuresOverview["flags"];
  clientName: string;
  timeZone: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [failed, setFailed] = useState<string>();
  const acknowledge = useMutation(
    trpc.measure.acknowledgeFlag.mutationOptions({
      onSuccess: () => {
        setFailed(undefined);
        router.refresh();
      },
      onError: (error) => setFailed(error.message),
    }),
  );
  if (flags.length === 0) return null;
  const firstName = clientName.split(" ")[0];
  const question = INSTRUMENTS.phq9.items[PHQ9_SAFETY_ITEM]!.toLocaleLowerCase();
  return (
    <section aria-labelledby="urgent-flags" className="flex flex-col gap-3 rounded-xl border-2 border-danger bg-danger-soft p-4" data-testid="urgent-flags">
      <h2 id="urgent-flags" className="text-lg font-semibold text-danger">
        Urgent: please follow up with {firstName}
      </h2>
      <ul className="flex flex-col gap-3">
        {flags.map((flag) => (
          <li key={flag.id} className="flex flex-col gap-2">
            <p>
              On {formatDateTime(flag.raisedAt, timeZone)}, {firstName} answered &ldquo;{flag.answerLabel}&rdquo; to question 9 of
              the {INSTRUMENTS[flag.kind].name} ({question}){flag.isDraft ? ", in a questionnaire not yet sent" : ""}. They were
              shown the crisis resources and told that you would be told.
            </p>
            <Button
              variant="secondary"
              className="self-start"
              disabled={acknowledge.isPending}
              onClick={() => acknowledge.mutate({ engagementId, flagId: flag.id })}
            >
              I&apos;ve seen this and I&apos;m following it up
            </Button>
          </li>
        ))}
      </ul>
      {failed ? (
        <p role="alert" className="font-medium text-danger">
          {failed}
        </p>
      ) : null}
    </section>
  );
}
