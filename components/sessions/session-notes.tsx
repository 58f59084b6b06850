"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TSessionView } from "@/lib/trpc/types";
import { formErrorsFromServer, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/card";
import { TextAreaField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { ShareForSupervision } from "./share-for-supervision";

type TKind = "shared_summary" | "client_takeaway" | "therapist_private";

const TITLES: Record<TKind, { title: string; who: string }> = {
  shared_summary: { title: "Summary", who: "Written by your therapist. You both see it." },
  client_takeaway: { title: "My takeaways", who: "Private to you unless you share them with your therapist." },
  therapist_private: { title: "Private note", who: "Only you can see this. Your client never does." },
};

function NoteEditor({
  sessionId,
  kind,
  initial,
  isShared,
  label,
}: {
  sessionId: string;
  kind: TKind;
  initial: string;
  isShared: boolean;
  label: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const [isSaved, setIsSaved] = useState(false);
  const save = useMutation(
    trpc.session.saveNote.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.session.byId.queryKey({ sessionId }) }),
    }),
  );

  async function onSubmit(form: FormData) {
    setIsSaved(false);
    try {
      await save.mutateAsync({
        sessionId,
        kind,
        body: String(form.get("body") ?? ""),
        isSharedWithTherapist: kind === "client_takeaway" ? form.get("share") === "on" : undefined,
      });
      setErrors({ fieldErrors: {} });
      setIsSaved(true);
    } catch (error) {
      setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
    }
  }

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-2">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {isSaved ? <Alert tone="success">Saved.</Alert> : null}
      <TextAreaField label={label} name="body" rows={4} defaultValue={initial} maxLength={20000} errors={errors.fieldErrors.body} />
      {kind === "client_takeaway" ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" name="share" defaultChecked={isShared} className="size-5 accent-brand" />
          Share my takeaways with my therapist
        </label>
      ) : null}
      <SubmitButton variant="secondary" pendingLabel="Saving…" className="self-start">
        Save
      </SubmitButton>
    </Form>
  );
}

/** Each note says who can read it. The server decides what is sent; this only lays it out. */
export function SessionNotes({ session, canEdit }: { session: TSessionView; canEdit: boolean }) {
  const isClient = session.viewerRole === "client";
  const note = (kind: TKind) => session.notes.find((entry) => entry.kind === kind);
  const kinds: TKind[] = isClient ? ["shared_summary", "client_takeaway"] : ["shared_summary", "client_takeaway", "therapist_private"];

  return (
    <div className="flex flex-col gap-5">
      {kinds.map((kind) => {
        const current = note(kind);
        // A previous clinician's private note, handed over with the client's work: theirs, read-only.
        const isHandedOver = kind === "therapist_private" && current !== undefined && !current.isMine;
        const isWriter = (kind === "client_takeaway" ? isClient : !isClient) && !isHandedOver;
        return (
          <section key={kind} aria-labelledby={`note-${kind}`} className="flex flex-col gap-2">
            <h3 id={`note-${kind}`} className="font-medium">
              {kind === "client_takeaway" && !isClient ? "Client's takeaways" : TITLES[kind].title}
            </h3>
            <p className="text-sm text-ink-muted">
              {kind === "client_takeaway" && !isClient
                ? "Shown only when your client chooses to share them."
                : isHandedOver
                  ? `Private: written by ${current.author.name}, who handed it over to you with this client's work. Read-only; your client never sees it.`
                  : TITLES[kind].who}
            </p>
            {isWriter && canEdit ? (
              <NoteEditor
                sessionId={session.id}
                kind={kind}
                initial={current?.body ?? ""}
                isShared={current?.isSharedWithTherapist ?? false}
                label={TITLES[kind].title}
              />
            ) : current ? (
              <p className="whitespace-pre-line rounded-lg bg-canvas px-3 py-2">{current.body}</p>
            ) : (
              <EmptyState>Nothing here yet.</EmptyState>
            )}
            {kind === "therapist_private" && current && canEdit ? (
              <ShareForSupervision sessionId={session.id} sharedAt={current.sharedForSupervisionAt ?? null} />
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
