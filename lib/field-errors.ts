// Turns a zod error (client-side check) or a tRPC error (server answer) into
// { field: [messages] } for the forms, so both paths show the same messages.
// Type-only use of zod: forms load their schemas (and zod) when first used,
// not with the page (components/ui/use-form-submit.ts).
import type { z } from "zod";

export type TFormErrors = { fieldErrors: Record<string, string[] | undefined>; formError?: string };

/** As z.flattenError: each issue under its first path segment, issues without a path as the form's error. */
export function formErrorsFromZod(error: Pick<z.ZodError, "issues">): TFormErrors {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    const [field] = issue.path;
    if (field === undefined) formErrors.push(issue.message);
    else (fieldErrors[String(field)] ??= []).push(issue.message);
  }
  return { fieldErrors, formError: formErrors[0] };
}

type TServerError = { message: string; data?: { fieldErrors?: Record<string, string[]> | null } | null };

export function formErrorsFromServer(error: TServerError): TFormErrors {
  const fieldErrors = error.data?.fieldErrors ?? {};
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return { fieldErrors, formError: hasFieldErrors ? undefined : error.message };
}
