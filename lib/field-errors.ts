// Turns a zod error (client-side check) or a tRPC error (server answer) into
// { field: [messages] } for the forms, so both paths show the same messages.
import { z } from "zod";

export type TFormErrors = { fieldErrors: Record<string, string[] | undefined>; formError?: string };

export function formErrorsFromZod(error: z.ZodError): TFormErrors {
  const flat = z.flattenError(error);
  return { fieldErrors: flat.fieldErrors as Record<string, string[]>, formError: flat.formErrors[0] };
}

type TServerError = { message: string; data?: { fieldErrors?: Record<string, string[]> | null } | null };

export function formErrorsFromServer(error: TServerError): TFormErrors {
  const fieldErrors = error.data?.fieldErrors ?? {};
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return { fieldErrors, formError: hasFieldErrors ? undefined : error.message };
}
