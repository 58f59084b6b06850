import { auth } from "../auth/session";
import { requestMeta } from "../auth/request-meta";
import { getDb } from "../db/client";
import type { TContext } from "./trpc";

/** The context of a real request: the signed-in user re-read from Postgres. */
export async function createRequestContext(headers: Headers): Promise<TContext> {
  return { db: getDb(), user: await auth(), meta: requestMeta(headers) };
}
