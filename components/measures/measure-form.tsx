"use client";

import { useRef, useState } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import {
  ANSWER_OPTIONS,
  DIFFICULTY_OPTIONS,
  INSTRUMENTS,
  isSafetyAnswer,
  ITEM_FIELDS,
  type TMeasureAnswers,
  type TMeasureKind,
} from "@/lib/measures/instruments";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { CrisisResources } from "@/components/feedback/crisis-resources";
import { OutboxItems } from "@/components/offline/outbox-items";
import { useOutbox } from "@/components/offline/use-outbox";

type TDraftState = "idle" | "saving" | "saved" | "failed";
type TDone = { total: number; band: { label: string }; flagged: boolean };

/**
 * One scrollable form with large answer targets. Every answer is kept as a
 * draft the moment it is chosen (the client may stop and come back), and an
 * answer above "Not at all" to PHQ-9's ninth question shows the crisis
 * resources at once, before anything is sent.
 */
export function MeasureForm({
  measureId,
  kind,
  therapistName,
  initial,
  crisisText,
  historyHref,
}: {
  measureId: string;
  kind: TMeasureKind;
  therapistName: string;
  initial: TMeasureAnswers | null;
  crisisText: string;
  historyHref: string;
}) {
  const trpc = useTRPC();
  const instrument = INSTRUMENTS[kind];
  const [answers, setAnswers] = useState<TMeasureAnswers>(initial ?? {});
  const [draftState, setDraftState] = useState<TDraftState>("idle");
  const [done, setDone] = useState<TDone>();
  // Drafts are written one after another, in the order chosen; sending waits for them.
  const drafts = useRef<Promise<unknown>>(Promise.resolve());
  // "always": offline, fail at once (a paused draft would hold sending back), so the answers go to the outbox.
  const saveDraft = useMutation(trpc.measure.saveDraft.mutationOptions({ networkMode: "always" }));
  const submit = useMutation(trpc.measure.submit.mutationOptions({ networkMode: "always" }));
  /** The same answers sent twice (a retry, the outbox) are recorded once. */
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const outbox = useOutbox("measure", measureId);

  // "Kept" only once every answer chosen so far is saved, not just the first of several.
  const pendingDrafts = useRef(0);
  const lastDraftFailed = useRef(false);

  function choose(field: keyof TMeasureAnswers, value: number) {
    const next = { ...answers, [field]: value };
    setAnswers(next);
    setDraftState("saving");
    pendingDrafts.current += 1;
    drafts.current = drafts.current
      .then(() => saveDraft.mutateAsync({ measureId, ...next }))
      .then(
        () => (lastDraftFailed.current = false),
        () => (lastDraftFailed.current = true),
      )
      .finally(() => {
        pendingDrafts.current -= 1;
        if (pendingDrafts.current === 0) setDraftState(lastDraftFailed.current ? "failed" : "saved");
      });
  }

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/measure").then((schemas) => schemas.submitSchemaFor(kind)),
    toInput: () => ({ measureId, ...answers }),
    invalidMessage: "A few questions still need an answer. They're marked below.",
    mutate: async (input) => {
      await drafts.current;
      return submit.mutateAsync({ ...input, idempotencyKey });
    },
    whenUnreached: async (input) => {
      if (!outbox.keep) throw new Error("Not signed in.");
      const text = instrument.items
        .map((item, index) => `${item} ${ANSWER_OPTIONS.find((option) => option.value === answers[ITEM_FIELDS[index]])?.label ?? "(no answer)"}`)
        .join("\n");
      await outbox.keep("measure.submit", { ...input, idempotencyKey }, `${instrument.name}\n${text}`);
    },
    onSuccess: (result) => {
      setDone({ total: result.total ?? 0, band: result.band ?? { label: "" }, flagged: result.needsSafetyFollowUp });
      window.scrollTo({ top: 0 });
    },
  });

  const itemAnswers = instrument.items.map((_, index) => answers[ITEM_FIELDS[index]] ?? null);
  const showsSafety = isSafetyAnswer(kind, itemAnswers);
  const answered = itemAnswers.filter((answer) => answer !== null).length;

  if (done) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">
          Thank you. Your answers are with {therapistName}. Your total is {done.total} out of {instrument.maxTotal}, in the
          range called &ldquo;{done.band.label.toLocaleLowerCase()}&rdquo;. You can talk it through together at your next
          session.
        </Alert>
        {done.flagged ? <SafetyMessage therapistName={therapistName} crisisText={crisisText} /> : null}
        <p className="flex flex-wrap gap-4">
          <Link href="/between-sessions" className="text-brand-strong underline">
            Back to between sessions
          </Link>
          <Link href={historyHref} className="text-brand-strong underline">
            Your answers over time
          </Link>
        </p>
      </div>
    );
  }

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-6">
      <OutboxItems kind="measure" context={measureId} />
      <p className="font-medium">{instrument.stem}</p>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <ol className="flex flex-col gap-6">
        {instrument.items.map((item, index) => {
          const field = ITEM_FIELDS[index];
          const isSafetyItem = kind === "phq9" && field === "q9";
          return (
            <li key={field} className="flex flex-col gap-3">
              <AnswerRow
                name={field}
                number={index + 1}
                question={item}
                options={ANSWER_OPTIONS}
                value={answers[field] ?? null}
                errors={answers[field] == null ? errors.fieldErrors[field] : undefined}
                onChoose={(value) => choose(field, value)}
              />
              {isSafetyItem && showsSafety ? (
                <SafetyMessage therapistName={therapistName} crisisText={crisisText} notSaved={draftState === "failed"} />
              ) : null}
            </li>
          );
        })}
      </ol>
      <AnswerRow
        name="difficulty"
        question={instrument.difficulty}
        options={DIFFICULTY_OPTIONS}
        value={answers.difficulty ?? null}
        errors={answers.difficulty == null ? errors.fieldErrors.difficulty : undefined}
        onChoose={(value) => choose("difficulty", value)}
      />
      <div className="flex flex-col gap-2">
        <SubmitButton pendingLabel="Sending…" className="self-start">
          Send my answers
        </SubmitButton>
        <p className="text-sm text-ink-muted" role="status">
          {answered} of {instrument.items.length} answered.{" "}
          {draftState === "saving" ? "Saving…" : draftState === "saved" ? "Kept for you: you can stop and come back any time." : null}
          {draftState === "failed" ? "We couldn't keep your last answer. Please check your connection." : null}
        </p>
      </div>
    </Form>
  );
}

function SafetyMessage({ therapistName, crisisText, notSaved = false }: { therapistName: string; crisisText: string; notSaved?: boolean }) {
  // The default crisis text already says Alliance isn't watched in real time; a practice's own text may not.
  const saysNotWatched = /real[ -]time/i.test(crisisText);
  return (
    <div className="flex flex-col gap-3" data-testid="safety-message">
      <Alert tone="info">
        <p>
          Thank you for telling us. {notSaved ? `Once this answer is saved, ${therapistName} will be told` : `${therapistName} will be told about this answer`}, so you can talk about it together.
        </p>
        <p className="mt-2">
          {saysNotWatched ? "" : "Alliance isn't watched in real time, so nobody will see this straight away. "}If you might
          act on these thoughts, or you don&apos;t feel safe right now, please reach out now:
        </p>
      </Alert>
      <CrisisResources text={crisisText} hasPlanLink />
    </div>
  );
}

function AnswerRow({
  name,
  number,
  question,
  options,
  value,
  errors,
  onChoose,
}: {
  name: string;
  number?: number;
  question: string;
  options: readonly { value: number; label: string }[];
  value: number | null;
  errors?: string[];
  onChoose: (value: number) => void;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errors?.length ? errorId : undefined} aria-invalid={errors?.length ? true : undefined}>
      <legend className="mb-1 font-medium">
        {number ? <span className="text-ink-muted">{number}. </span> : null}
        {question}
      </legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {options.map((option) => (
          <label
            key={option.value}
            className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-line bg-surface px-4 py-2 has-checked:border-brand has-checked:bg-brand-soft has-focus-visible:outline-3 has-focus-visible:outline-brand"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChoose(option.value)}
              className="size-5 accent-brand"
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={errorId} className="text-sm font-medium text-danger">
          {errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}
