"use client";

import { useState } from "react";
import Link from "next/link";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { KIND_LABELS } from "@/lib/constants/homework";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { TemplateForm } from "./template-form";

/** The therapist's reusable exercises: their own (editable) and the starter set (duplicate to adapt). */
export function TemplateLibrary() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [showArchived, setShowArchived] = useState(false);
  const [editingId, setEditingId] = useState<string | "new" | null>(null);
  const { data: templates } = useSuspenseQuery(trpc.homeworkTemplate.list.queryOptions({ includeArchived: showArchived }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.homeworkTemplate.list.queryKey() });
  const create = useMutation(trpc.homeworkTemplate.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.homeworkTemplate.update.mutationOptions({ onSuccess: refresh }));
  const [copied, setCopied] = useState<{ id: string; title: string; hasForm: boolean } | null>(null);
  const duplicate = useMutation(
    trpc.homeworkTemplate.duplicate.mutationOptions({
      onSuccess: (copy) => {
        setCopied({ id: copy.id, title: copy.title, hasForm: copy.formVersion !== null });
        return refresh();
      },
    }),
  );
  const archive = useMutation(trpc.homeworkTemplate.setArchived.mutationOptions({ onSuccess: refresh }));
  const error = duplicate.error ?? archive.error;

  return (
    <div className="flex flex-col gap-4">
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {copied ? (
        <Alert tone="success">
          Made a copy: &ldquo;{copied.title}&rdquo; is yours to change.{" "}
          <Link href={`/templates/${copied.id}/form`} className="underline">
            {copied.hasForm ? "Edit its exercise form" : "Build an exercise form for it"}
          </Link>
        </Alert>
      ) : null}
      {editingId === "new" ? (
        <TemplateForm submitLabel="Save template" onSubmit={(values) => create.mutateAsync(values)} onCancel={() => setEditingId(null)} />
      ) : (
        <Button className="self-start" onClick={() => setEditingId("new")}>
          New template
        </Button>
      )}
      <label className="flex items-center gap-2">
        <input type="checkbox" className="size-5 accent-brand" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
        Show archived templates
      </label>
      <ul className="flex flex-col gap-3" aria-label="Templates">
        {templates.map((template) => {
          const isOwn = template.ownerId !== null;
          const formWords = !isOwn ? "See form" : template.formVersion === null ? "Build form" : "Edit form";
          return (
            <li key={template.id} className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4">
              {editingId === template.id ? (
                <TemplateForm
                  initial={template}
                  submitLabel="Save changes"
                  onSubmit={(values) => update.mutateAsync({ templateId: template.id, ...values })}
                  onCancel={() => setEditingId(null)}
                />
              ) : (
                <>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-lg font-medium">{template.title}</span>
                    <span className="text-sm text-ink-muted">
                      {KIND_LABELS[template.kind]} · {isOwn ? "yours" : "starter"}
                      {template.archivedAt ? " · archived" : ""}
                      {template.formVersion !== null ? ` · Exercise form · version ${template.formVersion}` : ""}
                    </span>
                  </div>
                  <p className="line-clamp-3 whitespace-pre-line text-ink-muted">{template.instructions}</p>
                  <div className="flex flex-wrap gap-2">
                    {isOwn ? (
                      <Button variant="secondary" onClick={() => setEditingId(template.id)}>
                        Edit
                      </Button>
                    ) : null}
                    {isOwn || template.formVersion !== null ? (
                      <Link href={`/templates/${template.id}/form`} className={buttonClassName("secondary")} aria-label={`${formWords}: ${template.title}`}>
                        {formWords}
                      </Link>
                    ) : null}
                    <Button variant="secondary" onClick={() => duplicate.mutate({ templateId: template.id })}>
                      Duplicate
                    </Button>
                    {isOwn ? (
                      <Button variant="quiet" onClick={() => archive.mutate({ templateId: template.id, isArchived: !template.archivedAt })}>
                        {template.archivedAt ? "Restore" : "Archive"}
                      </Button>
                    ) : null}
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
