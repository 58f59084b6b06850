"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NoScriptNotice } from "@/components/ui/noscript-notice";
import { useIsHydrated } from "@/components/ui/use-is-hydrated";

export function AcceptExistingButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const isHydrated = useIsHydrated();
  const accept = useMutation(
    trpc.invitation.acceptExisting.mutationOptions({
      onSuccess: () => router.push("/between-sessions"),
    }),
  );
  return (
    <div className="flex flex-col gap-3">
      <NoScriptNotice>
        Alliance needs JavaScript to accept this invitation. Turn it on in your browser&apos;s settings, then reload this page.
      </NoScriptNotice>
      {accept.error ? <Alert tone="error">{accept.error.message}</Alert> : null}
      <Button onClick={() => accept.mutate({ token })} disabled={!isHydrated || accept.isPending || accept.isSuccess}>
        {accept.isPending ? "Accepting…" : "Accept invitation"}
      </Button>
    </div>
  );
}
