// The frame of the signed-out pages (sign in, sign up, passwords): a card
// with the page's heading and a line of introduction, and a line under the
// card pointing elsewhere. Server-compatible: no state, no handlers.
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A signed-out page's heading and the line under it. */
export function AuthHeading({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">{title}</h1>
      <p className="mb-5 text-ink-muted">{children}</p>
    </>
  );
}

/** The way back to signing in, e.g. in a page's footer. */
export function SignInLink({ children = "Sign in" }: { children?: string }) {
  return (
    <Link href="/sign-in" className="font-medium text-brand-strong underline">
      {children}
    </Link>
  );
}

/**
 * `title` and `intro` open the card unless what is inside says its own
 * (e.g. a form whose heading depends on its link); `footer` stands under it.
 */
export function AuthFrame({
  title,
  intro,
  footer,
  children,
}: {
  title?: string;
  intro?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <Card>
        {title ? <AuthHeading title={title}>{intro}</AuthHeading> : null}
        {children}
      </Card>
      {footer ? <p className="text-center text-ink-muted">{footer}</p> : null}
    </>
  );
}
