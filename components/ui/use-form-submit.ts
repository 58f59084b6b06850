import { useState } from "react";
import type { z } from "zod";
import { formErrorsFromServer, formErrorsFromZod, type TFormErrors } from "@/lib/field-errors";
import { isUnreached } from "@/lib/offline/errors";
import type { TFormSubmitHandler } from "./form";

const NO_ERRORS: TFormErrors = { fieldErrors: {} };

type TServerError = Parameters<typeof formErrorsFromServer>[0];

/**
 * Loads a form's schema when the form is first used, so zod and the
 * schemas stay out of the page's first download, e.g.
 * `() => import("@/lib/schemas/goal").then((schemas) => schemas.ZCreateGoalSchema)`.
 */
export type TSchemaLoader<TSchema extends z.ZodType> = () => Promise<TSchema>;

type TFormSubmitOptions<TSchema extends z.ZodType, TResult> = {
  /** The same client-safe schema the procedure checks, so both paths give the same messages; loaded on first use. */
  schema: TSchemaLoader<TSchema>;
  /** The raw object to validate; by default the form's named fields. */
  toInput?: (data: FormData) => unknown;
  /** Replaces the summary above the form when the check fails (e.g. for a row of radio questions). */
  invalidMessage?: string;
  /** Runs first on every submit, e.g. to hide the last "Saved." */
  onStart?: () => void;
  mutate: (input: z.output<TSchema>) => Promise<TResult>;
  onSuccess?: (result: TResult, input: z.output<TSchema>, form: HTMLFormElement) => unknown;
  /**
   * The server couldn't be reached (offline): keep the input on this device
   * instead (components/offline/use-outbox.ts). Offline before the schema has
   * loaded, it gets the fields unchecked; the server checks them when they are
   * sent, and a refusal keeps the words for the person to copy. Throw to show
   * the usual error instead.
   */
  whenUnreached?: (input: z.output<TSchema>, form: HTMLFormElement) => Promise<unknown>;
};

/**
 * The submit shape every form shares: check with the schema, mutate, show the
 * server's field errors, then hand over to `onSuccess` (reset, close, say
 * "Saved"). Pass `onSubmit` to <Form>, which prevents the native submit and
 * keeps the form pending while this runs.
 */
export function useFormSubmit<TSchema extends z.ZodType, TResult>({
  schema: loadSchema,
  toInput = (data) => Object.fromEntries(data),
  invalidMessage,
  onStart,
  mutate,
  onSuccess,
  whenUnreached,
}: TFormSubmitOptions<TSchema, TResult>): { errors: TFormErrors; onSubmit: TFormSubmitHandler } {
  const [errors, setErrors] = useState<TFormErrors>(NO_ERRORS);
  // One load per form; it starts when the person moves into the form (Form's `prepare`).
  const [schema] = useState(() => {
    let loading: Promise<TSchema> | undefined;
    return () => {
      // A failed load (offline) is tried again on the next submit.
      loading ??= loadSchema().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      return loading;
    };
  });

  async function submit(data: FormData, form: HTMLFormElement) {
    onStart?.();
    let parsed: z.ZodSafeParseResult<z.output<TSchema>>;
    try {
      parsed = (await schema()).safeParse(toInput(data));
    } catch {
      if (whenUnreached && !navigator.onLine && (await keep(toInput(data) as z.output<TSchema>, form))) return;
      // Offline, or a new version was deployed meanwhile: the form can't check itself.
      return setErrors({ fieldErrors: {}, formError: "This form couldn't load. Please check your connection and try again." });
    }
    if (!parsed.success) {
      const fromZod = formErrorsFromZod(parsed.error);
      return setErrors(invalidMessage ? { ...fromZod, formError: invalidMessage } : fromZod);
    }
    setErrors(NO_ERRORS);
    let result: TResult;
    try {
      result = await mutate(parsed.data);
    } catch (error) {
      if (whenUnreached && isUnreached(error) && (await keep(parsed.data, form))) return;
      return setErrors(formErrorsFromServer(error as TServerError));
    }
    await onSuccess?.(result, parsed.data, form);
  }

  /** True once the input is kept on this device. */
  async function keep(input: z.output<TSchema>, form: HTMLFormElement): Promise<boolean> {
    try {
      await whenUnreached?.(input, form);
      return true;
    } catch {
      return false; // No IndexedDB here (some private windows): the usual error says to try again.
    }
  }

  const onSubmit: TFormSubmitHandler = Object.assign(submit, { prepare: () => void schema().catch(() => undefined) });
  return { errors, onSubmit };
}
