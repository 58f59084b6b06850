"use client";

import {
  createContext,
  useContext,
  useRef,
  useState,
  type ComponentProps,
  type FormEvent,
  type FormHTMLAttributes,
  type ReactNode,
} from "react";
import { Button } from "./button";
import { useIsHydrated } from "./use-is-hydrated";

/**
 * The one way to put a form on a page. Invariant: a form's fields never end up
 * in a URL (docs/security-and-privacy.md, S12), whatever state the page is in.
 *
 * - Saving is always a tRPC call made by the submit handler, so a form cannot
 *   submit until the page is interactive: `SubmitButton` is disabled in the
 *   server's HTML and until hydration, and a disabled default button also
 *   blocks implicit submission (Enter in a field), per the HTML spec.
 * - If the browser still submits natively (JavaScript off, a form without a
 *   submit button, a browser quirk), it POSTs the fields in a body to
 *   FORM_FALLBACK_PATH, which reads nothing, saves nothing and explains. A
 *   form without `method` would GET the current page with every field in the
 *   query string: `/sign-in?email=…&password=…`.
 * - There is deliberately no no-JavaScript way to save: a second
 *   implementation of every mutation would double the attack surface and the
 *   CSRF handling.
 */
export const FORM_FALLBACK_PATH = "/api/form-fallback";

type TFormContext = { isHydrated: boolean; isPending: boolean };

const FormContext = createContext<TFormContext | null>(null);


/**
 * Gets the fields and the form element; the event's default is already
 * prevented. `prepare`, when present, runs the first time the person moves
 * into the form, e.g. to start loading the form's schema (use-form-submit.ts).
 */
export type TFormSubmitHandler = ((data: FormData, form: HTMLFormElement) => unknown) & { prepare?: () => void };

type TFormProps = Omit<
  FormHTMLAttributes<HTMLFormElement>,
  "onSubmit" | "action" | "method" | "noValidate" | "encType" | "target"
> & {
  onSubmit: TFormSubmitHandler;
  /** Pending for longer than the submit handler runs (e.g. while leaving the page after signing in). */
  isPending?: boolean;
  children: ReactNode;
};

/**
 * While the handler's promise is pending the form is pending: its
 * SubmitButton is disabled and further submits (double click, Enter again)
 * are ignored.
 */
export function Form({ onSubmit, isPending: isPendingElsewhere = false, children, ...props }: TFormProps) {
  const isHydrated = useIsHydrated();
  const [isSubmitting, setIsSubmitting] = useState(false);
  // State lags a render behind; the ref stops a second submit in the same tick.
  const isInFlight = useRef(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isInFlight.current || isPendingElsewhere) return;
    const form = event.currentTarget;
    isInFlight.current = true;
    setIsSubmitting(true);
    try {
      await onSubmit(new FormData(form), form);
    } finally {
      isInFlight.current = false;
      setIsSubmitting(false);
    }
  }

  return (
    <FormContext value={{ isHydrated, isPending: isSubmitting || isPendingElsewhere }}>
      <form
        {...props}
        method="post"
        action={FORM_FALLBACK_PATH}
        noValidate
        onSubmit={handleSubmit}
        onFocus={(event) => {
          onSubmit.prepare?.();
          props.onFocus?.(event);
        }}
      >
        {children}
      </form>
    </FormContext>
  );
}

/**
 * The form's submit button: disabled until the page is interactive (which
 * also stops Enter from submitting) and while the form is pending.
 */
export function SubmitButton({
  pendingLabel,
  disabled = false,
  children,
  ...props
}: Omit<ComponentProps<typeof Button>, "type"> & { pendingLabel?: ReactNode }) {
  const context = useContext(FormContext);
  if (!context) throw new Error("SubmitButton must be inside <Form> (components/ui/form.tsx).");
  const { isHydrated, isPending } = context;
  return (
    <Button {...props} type="submit" disabled={!isHydrated || isPending || disabled}>
      {isPending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
