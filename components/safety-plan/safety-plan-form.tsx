"use client";

// Writing the safety plan: each section of lines as a box, one line per
// thing; the people to call as rows of a name and a number. Loaded only when
// someone opens it (safety-plan-editor.tsx), so reading the plan loads no
// form code. Saves with the version it started from; a stale one comes back
// as a clear message and the page shows the latest plan.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import {
  SAFETY_PLAN_LINES_MAX,
  SAFETY_PLAN_SECTIONS,
  isContactSection,
  type TSafetyPlanContact,
  type TSafetyPlanContactSection,
  type TSafetyPlanContent,
} from "@/lib/constants/safety-plan";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CONTROL, TextAreaField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";

function lines(value: FormDataEntryValue | null): string[] {
  return String(value ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

function ContactRows({
  section,
  title,
  hint,
  initial,
  errors,
}: {
  section: TSafetyPlanContactSection;
  title: string;
  hint: string;
  initial: TSafetyPlanContact[];
  errors?: string[];
}) {
  const [rows, setRows] = useState(() => (initial.length > 0 ? initial.map((_, at) => at) : [0]));
  const [next, setNext] = useState(rows.length);
  const errorId = `${section}-error`;
  return (
    <fieldset className="flex flex-col gap-2" aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="font-medium">{title}</legend>
      <p className="text-sm text-ink-muted">{hint}</p>
      {rows.map((key, index) => (
        <div key={key} className="flex flex-wrap gap-2">
          <input
            name={`${section}.name`}
            aria-label={`${title}: name ${index + 1}`}
            placeholder="Name"
            defaultValue={initial[key]?.name ?? ""}
            className={`${CONTROL} min-w-0 flex-[2_1_10rem]`}
          />
          <input
            name={`${section}.phone`}
            aria-label={`${title}: number ${index + 1}`}
            placeholder="Number"
            type="tel"
            inputMode="tel"
            defaultValue={initial[key]?.phone ?? ""}
            className={`${CONTROL} min-w-0 flex-[1_1_8rem]`}
          />
        </div>
      ))}
      {rows.length < SAFETY_PLAN_LINES_MAX ? (
        <Button
          variant="secondary"
          className="self-start"
          onClick={() => {
            setRows([...rows, next]);
            setNext(next + 1);
          }}
        >
          Add another
        </Button>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="text-sm font-medium text-danger">
          {errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}

function contacts(data: FormData, section: TSafetyPlanContactSection): TSafetyPlanContact[] {
  const names = data.getAll(`${section}.name`).map(String);
  const phones = data.getAll(`${section}.phone`).map(String);
  return names
    .map((name, at) => ({ name: name.trim(), phone: (phones[at] ?? "").trim() }))
    .filter((contact) => contact.name !== "" || contact.phone !== "");
}

export function SafetyPlanForm({
  engagementId,
  version,
  content,
  onDone,
}: {
  engagementId: string;
  version: number;
  content: TSafetyPlanContent;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.safetyPlan.save.mutationOptions());
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/safety-plan").then((schemas) => schemas.ZSaveSafetyPlanSchema),
    toInput: (data) => ({
      engagementId,
      baseVersion: version,
      warningSigns: lines(data.get("warningSigns")),
      onMyOwn: lines(data.get("onMyOwn")),
      peoplePlaces: lines(data.get("peoplePlaces")),
      peopleToAsk: contacts(data, "peopleToAsk"),
      professionals: contacts(data, "professionals"),
      saferSurroundings: lines(data.get("saferSurroundings")),
      keepsMeGoing: lines(data.get("keepsMeGoing")),
    }),
    mutate: (input) => save.mutateAsync(input),
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  const isStale = save.error?.data?.code === "CONFLICT";

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-5" aria-label="Change the safety plan">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {isStale ? (
        <Button
          variant="secondary"
          className="self-start"
          onClick={() => {
            router.refresh();
            onDone();
          }}
        >
          Show the latest plan
        </Button>
      ) : null}
      {SAFETY_PLAN_SECTIONS.map((section) =>
        isContactSection(section.key) ? (
          <ContactRows
            key={section.key}
            section={section.key}
            title={section.title}
            hint={section.hint}
            initial={content[section.key]}
            errors={errors.fieldErrors[section.key]}
          />
        ) : (
          <TextAreaField
            key={section.key}
            label={section.title}
            hint={`${section.hint} One per line.`}
            name={section.key}
            rows={Math.max(3, content[section.key].length + 1)}
            defaultValue={content[section.key].join("\n")}
            errors={errors.fieldErrors[section.key]}
          />
        ),
      )}
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel="Saving…">Save the plan</SubmitButton>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
