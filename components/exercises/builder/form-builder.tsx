"use client";

// The exercise form builder (issue 23): the therapist adds, edits, moves and
// removes the fields of a template's form, sees it as the client will on a
// phone, and saves it as the template's next version.
//
// - Each field is a one-line card (label, type, what it holds); its editor
//   opens in place, and its code loads when the builder is first used.
// - Moving is by buttons, so the keyboard does it as well as the mouse:
//   focus stays on the button just pressed, on the field that moved, and a
//   polite live region says where it went.
// - Removing can be undone (the last removal), rather than asked about first.
// - The definition is checked with ZExerciseFormSchema, the server's own
//   check, loaded when the therapist first moves into the form (not with the
//   page: docs/house-style.md H16). After a first failed save it checks as
//   they type, so each message sits at its field and goes when fixed.
import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import Link from "next/link";
import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { ZExerciseFormSchema } from "@/lib/exercises/form-definition";
import type { TFieldType } from "@/lib/exercises/limits";
import { LEARNED_FIELD } from "@/lib/exercises/learned-field";
import type { RouterOutputs } from "@/lib/trpc/types";
import { useTRPC, useTRPCClient } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import {
  ADDABLE_TYPES,
  BUILDER_LIMITS,
  errorsAt,
  errorsByPath,
  FIELD_TYPE_LABELS,
  fieldCount,
  fromDefinition,
  toDefinition,
  type TBuilderErrors,
  type TDraftField,
} from "./builder-model";
import { builderReducer, findTarget, initialState, type TTarget } from "./builder-state";
import { FieldCard, loadFieldEditor } from "./field-card";
import { fieldName } from "./item-header";
import { PhonePreview } from "./phone-preview";

export type TTemplateForm = RouterOutputs["homeworkTemplate"]["form"];
type TChecker = typeof ZExerciseFormSchema;

// Only a starter-library template's page needs it.
const StarterForm = lazy(() => import("./starter-form").then((module) => ({ default: module.StarterForm })));

export const SAVED_NOTE =
  "Clients already working on this keep the version they were given; you can move each one on from their homework page.";

export function FormBuilder({ templateId }: { templateId: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.homeworkTemplate.form.queryOptions({ templateId }));
  return (
    <>
      <Link href="/templates" className="self-start text-brand-strong underline">
        ← Homework templates
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">Exercise form: {data.title}</h1>
        <p className="text-ink-muted">
          {data.version === null ? "No form saved yet." : `Version ${data.version} is the one new assignments get.`}
        </p>
      </div>
      {data.isOwn ? (
        <Builder data={data} />
      ) : (
        <Suspense fallback={null}>
          <StarterForm data={data} />
        </Suspense>
      )}
    </>
  );
}

function Builder({ data }: { data: TTemplateForm }) {
  const trpc = useTRPC();
  // The client itself, not a mutation hook: <Form> already says when saving is under way.
  const trpcClient = useTRPCClient();
  const queryClient = useQueryClient();
  // A new form starts with the closing question every exercise carries (lib/exercises/learned-field.ts).
  const [state, dispatch] = useReducer(builderReducer, data.form, (form) => initialState(fromDefinition(form, { whenEmpty: [LEARNED_FIELD] })));
  const [newType, setNewType] = useState<TFieldType>("short_text");
  const [announcement, setAnnouncement] = useState("");
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [serverError, setServerError] = useState<string>();
  const [checker, setChecker] = useState<TChecker | null>(null);
  const [hasTriedToSave, setHasTriedToSave] = useState(false);
  /** The fields whose editors are open; the rest show as one line each. */
  const [openUids, setOpenUids] = useState<ReadonlySet<string>>(() => new Set());
  const root = useRef<HTMLDivElement>(null);
  /** What to focus once the next render is on the page. */
  const focusNext = useRef<string | null>(null);
  const loading = useRef<Promise<TChecker> | null>(null);

  const { form: previewForm, errors: draftErrors } = useMemo(() => toDefinition(state.fields), [state.fields]);
  const errors: TBuilderErrors = useMemo(() => {
    if (!hasTriedToSave || !checker) return {};
    const parsed = checker.safeParse(previewForm);
    return { ...(parsed.success ? {} : errorsByPath(parsed.error.issues)), ...draftErrors };
  }, [hasTriedToSave, checker, previewForm, draftErrors]);
  const problemCount = Object.values(errors).reduce((sum, messages) => sum + messages.length, 0);

  // Focus goes where the last action asked, once it is on the page (an editor may still be loading).
  const flushFocus = useCallback(() => {
    const selector = focusNext.current;
    const element = selector ? root.current?.querySelector<HTMLElement>(selector) : null;
    if (!element) return;
    focusNext.current = null;
    element.focus();
  }, []);
  useEffect(flushFocus);

  const setOpen = (uids: string[], isOpen: boolean) =>
    setOpenUids((current) => {
      const next = new Set(current);
      for (const uid of uids) if (isOpen) next.add(uid);
      else next.delete(uid);
      return next;
    });

  // Leaving with unsaved changes asks first (the browser's own question).
  useEffect(() => {
    if (!state.isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state.isDirty]);

  function loadChecker(): Promise<TChecker> {
    loading.current ??= import("@/lib/exercises/form-definition").then(
      (module) => {
        setChecker(() => module.ZExerciseFormSchema);
        return module.ZExerciseFormSchema;
      },
      (error: unknown) => {
        // Offline, or a new version deployed: tried again on the next save.
        loading.current = null;
        throw error;
      },
    );
    return loading.current;
  }

  const at = (uid: string, action: string) => `[data-uid="${uid}"] [data-action="${action}"]`;

  function add(type: TFieldType) {
    // The reducer names a new field n<nextUid> (builder-state.ts).
    const uid = `n${state.nextUid}`;
    dispatch({ type: "add", fieldType: type });
    setOpen([uid], true);
    focusNext.current = at(uid, "label");
    setAnnouncement(`Added a ${FIELD_TYPE_LABELS[type].toLowerCase()} field at the end, field ${state.fields.length + 1}.`);
  }

  function addColumn(groupUid: string, type: TFieldType) {
    const uid = `n${state.nextUid}`;
    dispatch({ type: "addColumn", groupUid, fieldType: type });
    focusNext.current = at(uid, "label");
    setAnnouncement(`Added a ${FIELD_TYPE_LABELS[type].toLowerCase()} column.`);
  }

  function move(target: TTarget, offset: -1 | 1) {
    const field = findTarget(state.fields, target);
    if (!field) return;
    const siblings: TDraftField[] = target.columnUid ? (findTarget(state.fields, { uid: target.uid })?.columns ?? []) : state.fields;
    const index = siblings.findIndex((sibling) => sibling.uid === field.uid);
    const noun = target.columnUid ? "column" : "field";
    const name = fieldName(field, noun);
    const position = index + offset;
    if (position < 0 || position >= siblings.length) {
      setAnnouncement(`${capitalised(name)} is already the ${offset < 0 ? "first" : "last"} ${noun}.`);
      return;
    }
    dispatch({ type: "move", target, offset });
    focusNext.current = at(field.uid, offset < 0 ? "up" : "down");
    setAnnouncement(`Moved ${name} to position ${position + 1} of ${siblings.length}.`);
  }

  function remove(target: TTarget) {
    const field = findTarget(state.fields, target);
    if (!field) return;
    dispatch({ type: "remove", target });
    focusNext.current = '[data-action="undo"]';
    setAnnouncement(`Removed ${fieldName(field, target.columnUid ? "column" : "field")}. You can undo this.`);
  }

  function undo() {
    const removed = state.removed;
    if (!removed) return;
    dispatch({ type: "undo" });
    // A column comes back into its open group; a field comes back closed, its Edit button ready.
    focusNext.current = at(removed.field.uid, removed.kind === "column" ? "label" : "edit");
    setAnnouncement(`Put back ${fieldName(removed.field, removed.kind)}.`);
  }

  async function submit() {
    setSavedVersion(null);
    setServerError(undefined);
    let schema: TChecker;
    try {
      schema = await loadChecker();
    } catch {
      return setServerError("This page couldn't load what it needs to check the form. Please check your connection and try again.");
    }
    setHasTriedToSave(true);
    const sent = state.fields;
    const parsed = schema.safeParse(previewForm);
    if (!parsed.success || Object.keys(draftErrors).length) {
      // Open every field with something to fix, and go to the first message.
      const paths = [...Object.keys(draftErrors), ...(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join(".")))];
      const indexes = paths.map((path) => /^fields\.(\d+)/.exec(path)?.[1]).filter((index) => index !== undefined);
      setOpen(indexes.map((index) => state.fields[Number(index)]?.uid).filter((uid) => uid !== undefined), true);
      focusNext.current = '[aria-invalid="true"]';
      return;
    }
    try {
      const saved = await trpcClient.homeworkTemplate.saveForm.mutate({ templateId: data.templateId, form: parsed.data });
      dispatch({ type: "saved", fields: sent });
      setHasTriedToSave(false);
      setSavedVersion(saved.version);
      queryClient.setQueryData(trpc.homeworkTemplate.form.queryKey({ templateId: data.templateId }), (current) =>
        current ? { ...current, version: saved.version, form: saved.form } : current,
      );
      await queryClient.invalidateQueries({ queryKey: trpc.homeworkTemplate.list.queryKey() });
    } catch (error) {
      setServerError((error as Error).message || "That didn't save. Please try again.");
    }
  }

  const count = fieldCount(state.fields);
  const isFull = count >= BUILDER_LIMITS.maxFields;
  const listErrors = errorsAt(errors, "fields");

  return (
    <div ref={root} className="flex flex-col gap-6 lg:flex-row lg:items-start">
      <Form
        onSubmit={submit}
        // The check loads when the therapist first moves into the form, so saving doesn't wait for it.
        onFocus={() => {
          void loadChecker().catch(() => undefined);
          void loadFieldEditor().catch(() => undefined);
        }}
        aria-label="Exercise form builder"
        className="flex min-w-0 flex-1 flex-col gap-4"
        // Enter in a one-line box should not save the whole form by surprise.
        onKeyDown={(event) => {
          const target = event.target as HTMLElement;
          if (event.key === "Enter" && target instanceof HTMLInputElement && target.type !== "submit") event.preventDefault();
        }}
      >
        <a href="#exercise-preview" className="self-start text-brand-strong underline lg:hidden">
          Jump to the preview
        </a>
        {serverError ? <Alert tone="error">{serverError}</Alert> : null}
        {problemCount ? (
          <Alert tone="error">
            {listErrors?.[0] ?? (problemCount === 1 ? "One thing needs a look before saving. It's marked below." : `${problemCount} things need a look before saving. They're marked below.`)}
          </Alert>
        ) : null}
        {savedVersion !== null && !state.isDirty ? (
          <Alert tone="success">
            Saved as version {savedVersion}. {SAVED_NOTE}
          </Alert>
        ) : null}

        <h2 className="text-lg font-semibold">Fields</h2>
        {state.fields.length === 0 ? (
          <p className="rounded-lg bg-canvas px-4 py-3 text-ink-muted">No fields yet. Add the first one below.</p>
        ) : null}
        <ol className="flex flex-col gap-3" aria-label="Fields">
          {state.fields.map((field, index) => (
            <li key={field.uid}>
              <FieldCard
                field={field}
                path={`fields.${index}`}
                position={index + 1}
                count={state.fields.length}
                errors={errors}
                isOpen={openUids.has(field.uid)}
                onToggle={() => setOpen([field.uid], !openUids.has(field.uid))}
                dispatch={dispatch}
                onMove={move}
                onRemove={remove}
                onAddColumn={addColumn}
                onReady={flushFocus}
              />
            </li>
          ))}
        </ol>

        {state.removed ? (
          <div role="status" className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-notice-soft px-4 py-2">
            <span>Removed {fieldName(state.removed.field, state.removed.kind)}.</span>
            <Button variant="secondary" data-action="undo" onClick={undo}>
              Undo
            </Button>
          </div>
        ) : null}

        <div className="flex flex-col gap-2 rounded-xl border border-dashed border-line p-4">
          {isFull ? (
            <p className="text-ink-muted">
              This form has {BUILDER_LIMITS.maxFields} fields (a group&apos;s columns count), the most a form can have.
            </p>
          ) : (
            <div className="flex flex-wrap items-end gap-2">
              <SelectField
                label="Type of the new field"
                name="newFieldType"
                options={ADDABLE_TYPES}
                labels={FIELD_TYPE_LABELS}
                value={newType}
                onChange={(event) => setNewType(event.target.value as TFieldType)}
              />
              <Button variant="secondary" onClick={() => add(newType)}>
                Add field
              </Button>
            </div>
          )}
        </div>

        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-line bg-canvas py-3">
          <SubmitButton pendingLabel="Saving…">Save form</SubmitButton>
          <span className="text-sm text-ink-muted">
            {state.isDirty ? "Changes not saved yet." : data.version === null ? "Nothing saved yet." : "All changes saved."}
          </span>
        </div>
      </Form>
      <aside id="exercise-preview" className="flex min-w-0 flex-col lg:sticky lg:top-4 lg:w-[391px] lg:shrink-0">
        <PhonePreview form={previewForm} title={data.title} />
      </aside>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
