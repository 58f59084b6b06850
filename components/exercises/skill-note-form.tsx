"use client";

// The therapist's note of how the skill went on a sent entry (issue 23): a
// small radio group in Alliance's words (lib/exercises/skill.ts), about the
// practice and never the person; "No note" clears it. The client sees it.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { SKILL_LEVELS } from "@/lib/exercises/skill";
import { formErrorsFromServer } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Form, SubmitButton } from "@/components/ui/form";

const NO_NOTE = "none";
const CHOICES = [...SKILL_LEVELS.map((level) => ({ value: String(level.value), label: level.label })), { value: NO_NOTE, label: "No note" }];

export function SkillNoteForm({ occurrenceId, initial, clientName }: { occurrenceId: string; initial: number | null; clientName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [chosen, setChosen] = useState(initial === null ? NO_NOTE : String(initial));
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const rate = useMutation(trpc.exercise.rateSkill.mutationOptions({ onSuccess: () => router.refresh() }));

  async function onSubmit() {
    setMessage(null);
    const skillRating = chosen === NO_NOTE ? null : Number(chosen);
    try {
      await rate.mutateAsync({ occurrenceId, skillRating });
      setMessage({ tone: "success", text: skillRating === null ? "Note cleared." : "Saved." });
    } catch (error) {
      setMessage({ tone: "error", text: formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]).formError ?? "That didn't save. Please try again." });
    }
  }

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Skill note">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">How did the skill go?</legend>
        <p className="text-sm text-ink-muted">A note about the practice, not the person. {clientName} sees it with the entry.</p>
        {CHOICES.map((choice) => (
          <label
            key={choice.value}
            className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-line bg-surface px-4 py-2 has-checked:border-brand has-checked:bg-brand-soft has-focus-visible:outline-3 has-focus-visible:outline-brand"
          >
            <input type="radio" name="skill" value={choice.value} checked={chosen === choice.value} onChange={() => setChosen(choice.value)} className="size-5 accent-brand" />
            <span>{choice.label}</span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save note
        </SubmitButton>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
    </Form>
  );
}
