"use client";

import { VoiceMemoPlayer } from "@/components/voice/voice-memo-player";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AGENDA_KIND_LABELS } from "@/lib/constants/session";
import type { TSessionView } from "@/lib/trpc/types";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { TextAreaField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { FormActions } from "@/components/ui/form-actions";

const STATUS_TEXT = { open: "Open", discussed: "Discussed", deferred: "For later" } as const;

/** The agenda in order: mark items, move them, withdraw your own before the session starts. */
export function AgendaList({ session, canEdit, timeZone }: { session: TSessionView; canEdit: boolean; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.session.byId.queryKey({ sessionId: session.id }) });
  const setStatus = useMutation(trpc.agenda.setStatus.mutationOptions({ onSettled: refresh }));
  const withdraw = useMutation(trpc.agenda.withdraw.mutationOptions({ onSettled: refresh }));
  const update = useMutation(trpc.agenda.update.mutationOptions({ onSettled: refresh }));
  const [editingId, setEditingId] = useState<string | null>(null);
  const reorder = useMutation(trpc.session.reorderAgenda.mutationOptions({ onSettled: refresh }));
  const isBeforeStart = new Date(session.startsAt) > new Date();
  const error = setStatus.error ?? withdraw.error ?? reorder.error ?? update.error;

  function move(index: number, offset: -1 | 1) {
    const order = session.agenda.map((item) => item.id);
    [order[index], order[index + offset]] = [order[index + offset], order[index]];
    reorder.mutate({ sessionId: session.id, version: session.agendaVersion, itemIds: order });
  }

  if (session.agenda.length === 0) {
    return <EmptyState>Nothing on the agenda yet. Add anything you&apos;d like to bring, however small.</EmptyState>;
  }

  return (
    <div className="flex flex-col gap-3">
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      <ol className="flex flex-col gap-2" aria-label="Agenda">
        {session.agenda.map((item, index) => (
          <li key={item.id} className="flex flex-col gap-2 rounded-lg border border-line p-3">
            <div className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
              <span>{AGENDA_KIND_LABELS[item.kind]}</span>
              <span>· from {item.isMine ? "you" : item.authorName}</span>
              {item.isCarriedOver ? <span className="rounded-full bg-notice-soft px-2 text-ink">carried over</span> : null}
              <span className={`rounded-full px-2 ${item.status === "discussed" ? "bg-brand text-white" : "bg-canvas text-ink"}`}>
                {STATUS_TEXT[item.status]}
              </span>
            </div>
            {editingId === item.id ? (
              <Form
                className="flex flex-col gap-2"
                onSubmit={(data) => {
                  const text = String(data.get("text") ?? "").trim();
                  if (!text) return;
                  // A refusal shows in the alert above (update.error).
                  return update.mutateAsync({ itemId: item.id, text, kind: item.kind }).then(
                    () => setEditingId(null),
                    () => {},
                  );
                }}
              >
                <TextAreaField label="Edit item" name="text" rows={2} defaultValue={item.text} maxLength={2000} />
                <FormActions submitLabel="Save" onCancel={() => setEditingId(null)} />
              </Form>
            ) : (
              <p className={item.status === "discussed" ? "text-ink-muted" : ""}>{item.text}</p>
            )}
            {item.voiceMemos.map((memo) => (
              <VoiceMemoPlayer key={memo.id} memo={memo} timeZone={timeZone} />
            ))}
            {canEdit ? (
              <div className="flex flex-wrap gap-1">
                {item.status !== "discussed" ? (
                  <Button variant="secondary" onClick={() => setStatus.mutate({ itemId: item.id, status: "discussed" })}>
                    Mark discussed
                  </Button>
                ) : null}
                {item.status !== "deferred" ? (
                  <Button variant="quiet" onClick={() => setStatus.mutate({ itemId: item.id, status: "deferred" })}>
                    Save for later
                  </Button>
                ) : null}
                {item.status !== "open" ? (
                  <Button variant="quiet" onClick={() => setStatus.mutate({ itemId: item.id, status: "open" })}>
                    Reopen
                  </Button>
                ) : null}
                <Button variant="quiet" aria-label={`Move "${item.text}" up`} disabled={index === 0} onClick={() => move(index, -1)}>
                  ↑
                </Button>
                <Button
                  variant="quiet"
                  aria-label={`Move "${item.text}" down`}
                  disabled={index === session.agenda.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </Button>
                {item.isMine && isBeforeStart ? (
                  <>
                    <Button variant="quiet" aria-label={`Edit "${item.text}"`} onClick={() => setEditingId(item.id)}>
                      Edit
                    </Button>
                    <Button variant="quiet" aria-label={`Withdraw "${item.text}"`} onClick={() => withdraw.mutate({ itemId: item.id })}>
                      Withdraw
                    </Button>
                  </>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
