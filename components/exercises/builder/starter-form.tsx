"use client";

// A starter-library template's form (ownerId null) is read-only: it can be
// seen as the client would, and duplicated to be changed.
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TTemplateForm } from "./form-builder";
import { PhonePreview } from "./phone-preview";

export function StarterForm({ data }: { data: TTemplateForm }) {
  const trpc = useTRPC();
  const router = useRouter();
  const duplicate = useMutation(
    trpc.homeworkTemplate.duplicate.mutationOptions({ onSuccess: (copy) => router.push(`/templates/${copy.id}/form`) }),
  );
  // Stays busy while the copy's builder opens, so a second press doesn't make a second copy.
  const isBusy = duplicate.isPending || duplicate.isSuccess;
  return (
    <div className="flex flex-col gap-4">
      <Alert tone="info">
        This template is from the starter library, so it can&apos;t be changed. Duplicate it to make your own copy, then change that.
      </Alert>
      {duplicate.error ? <Alert tone="error">{duplicate.error.message}</Alert> : null}
      <Button className="self-start" disabled={isBusy} onClick={() => duplicate.mutate({ templateId: data.templateId })}>
        {isBusy ? "Duplicating…" : "Duplicate and edit"}
      </Button>
      {data.form ? <PhonePreview form={data.form} title={data.title} /> : <p className="text-ink-muted">This template has no exercise form.</p>}
    </div>
  );
}
