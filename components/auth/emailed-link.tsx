// A page opened from an e-mailed link (finish signing up, reset a password):
// its token is read from the fragment and checked with the server before
// the form shows; a link that no longer works says why and where to go.
// Rendered inside client components only (it reads the fragment).
import type { ReactNode } from "react";
import { NoScriptNotice } from "@/components/ui/noscript-notice";
import { useCheckedFragmentToken } from "@/components/ui/use-fragment-token";

/** The mutation that checks a link's token (useMutation's result). */
type TLinkCheck<TData> = {
  isIdle: boolean;
  isPending: boolean;
  isError: boolean;
  data: TData | undefined;
  mutate: (input: { token: string }) => void;
};

type TUsable<TData> = TData & { isUsable: true };

function isUsable<TData extends { isUsable: boolean }>(data: TData): data is TUsable<TData> {
  return data.isUsable;
}

export function EmailedLink<TData extends { isUsable: boolean }>({
  title,
  check,
  deadReason,
  deadWays,
  children,
}: {
  /** The page's heading while the link is checked. */
  title: string;
  check: TLinkCheck<TData>;
  /** Why a link may have stopped working. */
  deadReason: ReactNode;
  /** Where to go instead: links. */
  deadWays: ReactNode;
  /** The page for a link that works. */
  children: (link: { token: string; data: TUsable<TData> }) => ReactNode;
}) {
  const link = useCheckedFragmentToken(check, (token) => check.mutate({ token }));
  if (link.state === "checking") {
    return (
      <>
        <h1 className="mb-2 text-2xl font-semibold">{title}</h1>
        <NoScriptNotice>Alliance needs JavaScript for this. Turn it on in your browser&apos;s settings, then reload this page.</NoScriptNotice>
        <p className="text-ink-muted" role="status">
          Checking your link…
        </p>
      </>
    );
  }
  if (link.state !== "checked" || !isUsable(link.data)) {
    return (
      <>
        <h1 className="mb-2 text-2xl font-semibold">This link doesn&apos;t work any more</h1>
        <p className="mb-4 text-ink-muted">{deadReason}</p>
        {deadWays}
      </>
    );
  }
  return children({ token: link.token, data: link.data });
}
