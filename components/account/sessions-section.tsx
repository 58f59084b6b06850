"use client";

// "Signed in elsewhere": how many other browsers are signed in to this
// account, and a way to sign them all out while this one carries on.
import { useState } from "react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

function browsers(count: number): string {
  return count === 1 ? "1 other browser or device" : `${count} other browsers or devices`;
}

export function SessionsSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.account.otherSessions.queryOptions());
  const [done, setDone] = useState<string | null>(null);
  const signOutOthers = useMutation(
    trpc.account.signOutOthers.mutationOptions({
      onSuccess: async ({ ended }) => {
        setDone(ended > 0 ? `Signed out of ${browsers(ended)}. This one stays signed in.` : "There was nowhere else to sign out of.");
        await queryClient.invalidateQueries({ queryKey: trpc.account.otherSessions.queryKey() });
      },
    }),
  );

  return (
    <div className="flex flex-col gap-4">
      {done ? <Alert tone="success">{done}</Alert> : null}
      {signOutOthers.error ? <Alert tone="error">{signOutOthers.error.message}</Alert> : null}
      <p>
        {data.count > 0
          ? `You're also signed in on ${browsers(data.count)}.`
          : "You're not signed in anywhere else right now."}
      </p>
      {data.count > 0 ? (
        <div>
          <Button variant="secondary" onClick={() => signOutOthers.mutate()} disabled={signOutOthers.isPending}>
            {signOutOthers.isPending ? "Signing out…" : "Sign out everywhere else"}
          </Button>
        </div>
      ) : null}
      <p className="text-sm text-ink-muted">
        If you don&apos;t recognise somewhere you&apos;re signed in, sign out everywhere else and change your password.
      </p>
    </div>
  );
}
