import { authState } from "../auth/session";
import { requestMeta } from "../auth/request-meta";
import { deviceTokenFromHeaders } from "../auth/device-cookie";
import { TRPCError } from "@trpc/server";
import { getDb } from "../db/client";
import { DATABASE_UNAVAILABLE_MESSAGE, noteDatabaseError } from "../db/outage";
import type { AuditBuffer } from "../audit/record";
import { requestIdFrom } from "../log";
import type { TContext } from "./trpc";

/**
 * The context of a real request: the signed-in user re-read from Postgres (or
 * why there is none), its memo of shared lookups, and the request's audit
 * buffer when its owner writes it once at the end (the tRPC route, or
 * HydrateClient for a page); without one, each event is written at once.
 */
export async function createRequestContext(headers: Headers, requestId = requestIdFrom(headers), audit?: AuditBuffer): Promise<TContext> {
  const { user, sessionId, signedOutReason } = await authState().catch((error: unknown) => {
    // Reading the session is the first query of every call: say "unreachable" here as procedures do.
    if (noteDatabaseError(error)) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, cause: error });
    throw error;
  });
  return {
    db: getDb(),
    user,
    sessionId: sessionId ?? null,
    knownDeviceToken: deviceTokenFromHeaders(headers),
    signedOutReason,
    meta: requestMeta(headers),
    requestId,
    audit,
    memo: new Map(),
  };
}
