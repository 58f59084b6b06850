import { authState } from "../auth/session";
import { requestMeta } from "../auth/request-meta";
import { getDb } from "../db/client";
import type { TContext } from "./trpc";

/** The context of a real request: the signed-in user re-read from Postgres (or why there is none). */
export async function createRequestContext(headers: Headers): Promise<TContext> {
  const { user, sessionId, signedOutReason } = await authState();
  return { db: getDb(), user, sessionId: sessionId ?? null, signedOutReason, meta: requestMeta(headers) };
}
