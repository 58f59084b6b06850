// tRPC context and the bottom of the procedure ladder (docs/architecture.md):
//   publicProcedure -> authedProcedure (signed in; the account's own settings)
//                   -> server/api/resources.ts: `own` (the caller's own
//                      records, by role) and one `resource` per kind of
//                      clinical record (engagement, goal, session, ...), each
//                      procedure declaring its role, writes and audit events.
// A procedure that touches a clinical record must come from resources.ts; the
// authorization matrix test (tests/integration/access-matrix.test.ts) fails
// on a procedure without its row.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import type { TRequestMeta } from "../auth/request-meta";
import type { TSignedOutReason } from "../../lib/auth/signed-out";
import { AppError } from "../errors";
import type { AuditBuffer } from "../audit/record";
import { AuditBuffer as TransactionAudit } from "../audit/record";
import { joinedTransactionClient } from "../db/transaction";
import { requestLogger } from "../log";
import { logCall } from "./call-log";
import { DATABASE_UNAVAILABLE_MESSAGE, noteDatabaseError } from "../db/outage";
import { isAllowedBeforeEnrolment, needsTwoFactorEnrolment, TWO_FACTOR_REQUIRED_MESSAGE } from "../auth/totp";

export type TContext = {
  db: TDb;
  /** Re-read from the database for this request; null when signed out. */
  user: TSessionUser | null;
  meta: TRequestMeta;
  /** The auth_sessions row the cookie names, when signed in ("sign out everywhere else" keeps it). */
  sessionId?: string | null;
  /** This browser's known-device cookie, if it sent one ("sign out everywhere else" keeps this browser known). */
  knownDeviceToken?: string | null;
  /** When user is null because this browser's session lapsed: why, so the client can say so. */
  signedOutReason?: TSignedOutReason | null;
  /** For log lines (x-request-id); callers without one (tests, scripts) get a fresh id per call. */
  requestId?: string;
  /** The request's audit events, written together (server/audit/record.ts); absent: each is written at once. */
  audit?: AuditBuffer;
  /** Per request: lookups several procedures of one page or batch share (e.g. the engagement). */
  memo?: Map<string, Promise<unknown>>;
  /** Set inside atomicWrites: the procedure already runs in a transaction. */
  isInTransaction?: boolean;
};

const INTERNAL_MESSAGE = "Something went wrong on our side. Nothing was changed; please try again.";
const UNREADABLE_MESSAGE = "Alliance couldn't read that request. Please reload the page and try again.";

/**
 * A request tRPC refused because parsing it threw (bad JSON, superjson
 * `meta` that doesn't fit its data, a value no parser expects): the
 * JavaScript error's own text names our internals and echoes the input.
 */
function isUnreadableRequest(code: string, cause: unknown): boolean {
  return (
    (code === "BAD_REQUEST" || code === "PARSE_ERROR") &&
    cause instanceof Error &&
    !(cause instanceof TRPCError || cause instanceof AppError || cause instanceof ZodError)
  );
}

const t = initTRPC.context<TContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const fieldErrors =
      cause instanceof ZodError
        ? (z.flattenError(cause).fieldErrors as Record<string, string[]>)
        : cause instanceof AppError
          ? (cause.fieldErrors ?? null)
          : null;
    const message =
      cause instanceof ZodError
        ? "Some answers need another look."
        : error.code === "INTERNAL_SERVER_ERROR"
          ? INTERNAL_MESSAGE
          : isUnreadableRequest(error.code, cause)
            ? UNREADABLE_MESSAGE
            : shape.message;
    // The client sends the person to sign-in with this reason (components/trpc/signed-out-link.ts).
    const signedOutReason = error.code === "UNAUTHORIZED" ? (ctx?.signedOutReason ?? null) : null;
    // Never send stacks or driver messages to the browser.
    return {
      ...shape,
      message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, fieldErrors, signedOutReason },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps domain errors (AppError) and an unreachable database onto tRPC codes. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: cause.code, message: cause.message, cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR" && noteDatabaseError(cause)) {
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, cause });
    }
  }
  return result;
});

/**
 * Outermost: one log line per call with the final error code, and `ctx.log`,
 * the request's logger (requestId, userId, route), for procedures below.
 */
const logCalls = t.middleware(async ({ ctx, path, type, next }) => {
  const log = requestLogger({ requestId: ctx.requestId, userId: ctx.user?.id, route: path });
  const startedAt = performance.now();
  const result = await next({ ctx: { log } });
  logCall(log, { type, durationMs: performance.now() - startedAt, error: result.ok ? null : result.error });
  return result;
});

export const publicProcedure = t.procedure.use(logCalls).use(mapErrors);

export const authedProcedure = publicProcedure.use(async ({ ctx, path, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to continue." });
  // REQUIRE_TWO_FACTOR_FOR_THERAPISTS: a therapist without it reaches only their own account settings.
  if (!isAllowedBeforeEnrolment(path) && needsTwoFactorEnrolment(ctx.user)) {
    throw new TRPCError({ code: "FORBIDDEN", message: TWO_FACTOR_REQUIRED_MESSAGE });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Thrown inside atomicWrites' transaction to roll it back when the procedure failed. */
class Rollback extends Error {}

/**
 * A mutation on a record runs in one transaction with the audit events it
 * records: both commit, or neither does (server/audit/record.ts). Domain
 * code's own transactions join this one (server/db/transaction.ts).
 * Account-level mutations (authedProcedure alone: password, two-step
 * sign-in, sessions) are not wrapped: their failure counters must persist
 * when they refuse.
 */
export const atomicWrites = t.middleware(async ({ ctx, type, next }) => {
  if (type !== "mutation" || ctx.isInTransaction) return next();
  const audit = new TransactionAudit();
  let outcome: Awaited<ReturnType<typeof next>> | undefined;
  try {
    await ctx.db.$transaction(
      async (tx) => {
        outcome = await next({ ctx: { db: joinedTransactionClient(tx), audit, isInTransaction: true } });
        if (!outcome.ok) throw new Rollback();
        await audit.flush(tx);
      },
      { maxWait: 5_000, timeout: 20_000 },
    );
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return outcome!;
});
