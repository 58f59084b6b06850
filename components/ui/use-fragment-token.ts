"use client";

import { useEffect, useEffectEvent, useSyncExternalStore } from "react";
import { LINK_TOKEN_PATTERN } from "@/lib/constants/link-token";

function subscribeToHash(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/**
 * A token from the link's fragment (/path#<token>): browsers never send a
 * fragment to the server, so it stays out of access logs and Referer
 * headers. Null in the server's HTML and before hydration; "" when the link
 * has none.
 */
export function useFragmentToken(): string | null {
  return useSyncExternalStore(
    subscribeToHash,
    () => window.location.hash.slice(1),
    () => null,
  );
}

/** Where checking a link's token with the server stands. */
export type TFragmentCheck<TData> =
  /** The fragment isn't read yet, or the server is being asked. */
  | { state: "checking" }
  /** The link carries no well-formed token. */
  | { state: "absent" }
  /** The server couldn't answer. */
  | { state: "failed" }
  | { state: "checked"; token: string; data: TData };

type TCheck<TData> = { isIdle: boolean; isPending: boolean; isError: boolean; data: TData | undefined };

/**
 * Reads the link's token from its fragment and asks the server about it once
 * (`ask` runs a mutation: the token travels in a POST body, never a URL).
 * Reset links, sign-up links and invitation proofs share this.
 */
export function useCheckedFragmentToken<TData>(check: TCheck<TData>, ask: (token: string) => void): TFragmentCheck<TData> {
  const token = useFragmentToken();
  const isWellFormed = token !== null && LINK_TOKEN_PATTERN.test(token);
  const askOnce = useEffectEvent(ask);
  useEffect(() => {
    if (token !== null && isWellFormed) askOnce(token);
  }, [token, isWellFormed]);
  if (token === null || (isWellFormed && (check.isIdle || check.isPending))) return { state: "checking" };
  if (!isWellFormed) return { state: "absent" };
  if (check.isError || check.data === undefined) return { state: "failed" };
  return { state: "checked", token, data: check.data };
}
