"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Form, SubmitButton } from "@/components/ui/form";
import { NoScriptNotice } from "@/components/ui/noscript-notice";

/**
 * The button behind an e-mail's "stop these e-mails" link. It posts to the
 * one-click route (the same one mail programs use); opening the page alone
 * changes nothing.
 */
export function UnsubscribeForm({ token, label, keepsInApp }: { token: string; label: string; keepsInApp: boolean }) {
  const [state, setState] = useState<"idle" | "done" | "failed" | "invalid">("idle");

  async function unsubscribe() {
    try {
      const response = await fetch(`/api/unsubscribe?token=${encodeURIComponent(token)}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      setState(response.ok ? "done" : response.status === 400 ? "invalid" : "failed");
    } catch {
      setState("failed");
    }
  }

  if (state === "done") {
    return (
      <Alert tone="success">
        <p className="mb-2 font-medium">Done. You won&apos;t get {label.toLowerCase()} by e-mail any more.</p>
        <p>
          {keepsInApp ? "You'll still see them in Alliance. " : null}
          You can change this, and anything else that reaches you, on your{" "}
          <Link href="/account" className="font-medium underline">
            account page
          </Link>
          .
        </p>
      </Alert>
    );
  }

  return (
    <Form onSubmit={unsubscribe} className="flex flex-col gap-3">
      <NoScriptNotice>This page needs JavaScript to stop the e-mails. Turn it on, then reload the page.</NoScriptNotice>
      {state === "invalid" ? <Alert tone="error">This link doesn&apos;t work any more.</Alert> : null}
      {state === "failed" ? <Alert tone="error">That didn&apos;t work just now. Please try again in a moment.</Alert> : null}
      <SubmitButton pendingLabel="Stopping…">Stop these e-mails</SubmitButton>
    </Form>
  );
}
