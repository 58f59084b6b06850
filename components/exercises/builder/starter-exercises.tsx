"use client";

// "Start from an exercise" on the templates page (issue 23): the eight
// starter exercises in Alliance's own words (lib/exercises/starters.ts), each
// with a preview as the client will see it and "Use and adapt", which makes
// the therapist's own template with that form and opens its builder. The
// preview's code loads when a preview is first opened, not with the page.
import { lazy, Suspense, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { STARTER_EXERCISES } from "@/lib/exercises/starters";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const PhonePreview = lazy(() => import("./phone-preview").then((module) => ({ default: module.PhonePreview })));

export function StarterExercises() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [previewing, setPreviewing] = useState<string | null>(null);
  const fromStarter = useMutation(
    trpc.homeworkTemplate.fromStarter.mutationOptions({
      onSuccess: async (template) => {
        await queryClient.invalidateQueries({ queryKey: trpc.homeworkTemplate.list.queryKey() });
        router.push(`/templates/${template.id}/form`);
      },
    }),
  );
  // Stays "busy" while the builder opens, so a second press doesn't make a second copy.
  const busyKey = fromStarter.isPending || fromStarter.isSuccess ? fromStarter.variables?.starterKey : null;

  return (
    <section id="start-from-an-exercise" aria-labelledby="starters-heading" className="flex flex-col gap-3">
      <div>
        <h2 id="starters-heading" className="text-xl font-semibold">
          Start from an exercise
        </h2>
        <p className="text-ink-muted">
          Exercises written for Alliance, each with its own form. &ldquo;Use and adapt&rdquo; makes a copy that is yours to change.
        </p>
      </div>
      {fromStarter.error ? <Alert tone="error">{fromStarter.error.message}</Alert> : null}
      <ul className="grid gap-3 md:grid-cols-2" aria-label="Starter exercises">
        {STARTER_EXERCISES.map((starter) => {
          const isPreviewing = previewing === starter.key;
          const questions = starter.fields.length;
          const previewWords = isPreviewing ? "Hide preview" : "Preview";
          const useWords = busyKey === starter.key ? "Making your copy…" : "Use and adapt";
          return (
            <li key={starter.key} className={`flex flex-col gap-2 rounded-xl border border-line bg-surface p-4 ${isPreviewing ? "md:col-span-2" : ""}`}>
              <div className="flex flex-wrap items-baseline gap-2">
                <h3 className="text-lg font-medium">{starter.title}</h3>
                <span className="text-sm text-ink-muted">{questions} questions</span>
              </div>
              <p className="text-ink-muted">{starter.instructions}</p>
              <div className="flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  aria-expanded={isPreviewing}
                  aria-label={`${previewWords}: ${starter.title}`}
                  onClick={() => setPreviewing(isPreviewing ? null : starter.key)}
                >
                  {previewWords}
                </Button>
                <Button disabled={busyKey != null} aria-label={`${useWords}: ${starter.title}`} onClick={() => fromStarter.mutate({ starterKey: starter.key })}>
                  {useWords}
                </Button>
              </div>
              {isPreviewing ? (
                <Suspense fallback={<p className="text-ink-muted">Loading the preview…</p>}>
                  <PhonePreview form={{ fields: starter.fields }} title={starter.title} label={`Preview of ${starter.title}, as your client sees it`} headingLevel={4} />
                </Suspense>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
