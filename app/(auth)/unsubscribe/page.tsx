import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { UnsubscribeForm } from "@/components/mail/unsubscribe-form";
import { describeUnsubscribe, verifyUnsubscribeToken } from "@/server/notifications/unsubscribe";

export const metadata: Metadata = { title: "Stop e-mails", robots: { index: false } };

/**
 * Where an e-mail's "stop these e-mails" link leads; works signed out. Showing
 * the page changes nothing (mail scanners open links); the button does. It
 * names the kind of e-mail only, not the person: links get forwarded.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const target = typeof token === "string" ? safeVerify(token) : null;

  if (!target) {
    return (
      <Card>
        <h1 className="mb-2 text-2xl font-semibold">This link doesn&apos;t work</h1>
        <p className="mb-4 text-ink-muted">
          It may be incomplete: try opening it from the e-mail again. You can also choose what reaches you on your
          account page after signing in.
        </p>
        <Link href="/account" className="font-medium text-brand-strong underline">
          Go to your account page
        </Link>
      </Card>
    );
  }

  const { label, keepsInApp } = describeUnsubscribe(target.kind);
  return (
    <Card>
      <h1 className="mb-2 text-2xl font-semibold">Stop e-mails: {label}</h1>
      <p className="mb-5 text-ink-muted">
        {keepsInApp
          ? `You won't get ${label.toLowerCase()} by e-mail any more. You'll still see them in Alliance when you sign in.`
          : `You won't get ${label.toLowerCase()} e-mails any more.`}
      </p>
      <UnsubscribeForm token={typeof token === "string" ? token : ""} label={label} keepsInApp={keepsInApp} />
    </Card>
  );
}

function safeVerify(token: string) {
  try {
    return verifyUnsubscribeToken(token);
  } catch {
    // No signing secret configured: the link can't be checked, so it doesn't work.
    return null;
  }
}
