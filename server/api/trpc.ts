// tRPC context and the procedure ladder (house-style):
//   publicProcedure -> authedProcedure -> therapistProcedure / clientProcedure
//                   -> engagementProcedure (+ engagementWriteProcedure,
//                      engagementTherapistProcedure)
//                   -> goalProcedure (+ goalWriteProcedure)
//                   -> assignmentProcedure, occurrenceProcedure, templateProcedure
//                   -> sessionProcedure, agendaItemProcedure
// Role gates inside an engagement: onlyTherapist / onlyClient middlewares.
// A procedure that touches a clinical record must sit on engagementProcedure
// (or a domain procedure built on it); the authorization matrix test
// (tests/integration/access-matrix.test.ts) fails otherwise.
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
import { memoized, prime } from "./request-memo";
import type { TEngagementSummary } from "../engagements/header";
import { requestLogger } from "../log";
import { logCall } from "./call-log";
import { DATABASE_UNAVAILABLE_MESSAGE, noteDatabaseError } from "../db/outage";
import { isAllowedBeforeEnrolment, needsTwoFactorEnrolment, TWO_FACTOR_REQUIRED_MESSAGE } from "../auth/totp";
import { assertWritable, findEngagementWithSummary, type TEngagementContext } from "../engagements/access";
import { findGoalForUser } from "../goals/access";
import { findAssignmentForUser, findOccurrenceForUser, findTemplateForTherapist } from "../homework/access";
import { findAgendaItemForUser, findSessionForUser } from "../sessions/access";
import { findMeasureForUser } from "../measures/access";
import { ZMeasureRefSchema } from "../../lib/schemas/measure";

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
const atomicWrites = t.middleware(async ({ ctx, type, next }) => {
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

export const therapistProcedure = authedProcedure
  .use(({ ctx, next }) => {
    if (ctx.user.role !== "therapist") throw new TRPCError({ code: "FORBIDDEN", message: "That is only for therapists." });
    return next({ ctx });
  })
  .use(atomicWrites);

export const clientProcedure = authedProcedure
  .use(({ ctx, next }) => {
    if (ctx.user.role !== "client") throw new TRPCError({ code: "FORBIDDEN", message: "That is only for clients." });
    return next({ ctx });
  })
  .use(atomicWrites);

/**
 * Takes `engagementId` and loads the engagement only if the caller belongs to
 * it (NOT_FOUND otherwise), putting it on the context. Concrete inputs extend
 * ZEngagementRefSchema and are `.strict()`; this base parser strips so that
 * the two can be merged.
 */
export const ZEngagementRefSchema = z.object({ engagementId: z.uuid("That link isn't valid.") });

/** What the request memo holds per engagement; `summary` is absent when another record's access check primed it. */
export type TLoadedEngagement = { engagement: TEngagementContext; summary?: TEngagementSummary; clientTimeZone?: string | null };

export const engagementProcedure = authedProcedure
  .input(ZEngagementRefSchema)
  .use(async ({ ctx, input, type, next }) => {
    // Once per request, however many of a page's procedures need it; with its header (engagement.byId).
    const loaded = await memoized<TLoadedEngagement>(ctx, type, `engagement:${input.engagementId}`, () =>
      findEngagementWithSummary(ctx.db, ctx.user, input.engagementId),
    );
    return next({
      ctx: { ...ctx, engagement: loaded.engagement, engagementSummary: loaded.summary, engagementClientTimeZone: loaded.clientTimeZone },
    });
  })
  .use(atomicWrites);

/** As engagementProcedure, for actions only the engagement's therapist may take. */
export const engagementTherapistProcedure = engagementProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "therapist") throw new TRPCError({ code: "FORBIDDEN", message: "That is only for therapists." });
  return next({ ctx });
});

/** As engagementProcedure, and refuses writes to ended or pending engagements. */
export const engagementWriteProcedure = engagementProcedure.use(({ ctx, next }) => {
  assertWritable(ctx.engagement);
  return next({ ctx });
});

/**
 * Takes `goalId`; loads the goal only through an engagement the caller
 * belongs to (NOT_FOUND otherwise) and puts it on the context.
 */
export const goalProcedure = authedProcedure
  .input(z.object({ goalId: z.uuid("That link isn't valid.") }))
  .use(async ({ ctx, input, type, next }) => {
    const goal = await memoized(ctx, type, `goal:${input.goalId}`, () => findGoalForUser(ctx.db, ctx.user, input.goalId));
    return next({ ctx: { ...ctx, goal } });
  })
  .use(atomicWrites);

/** As goalProcedure, and refuses changes once the engagement has ended. */
export const goalWriteProcedure = goalProcedure.use(({ ctx, next }) => {
  assertWritable(ctx.goal.engagement);
  return next({ ctx });
});

/** Inside an engagement-scoped procedure: refuse (FORBIDDEN) the other role. */
export const onlyTherapist = t.middleware(({ ctx, next }) => {
  if (ctx.user?.role !== "therapist") throw new TRPCError({ code: "FORBIDDEN", message: "That is only for therapists." });
  return next();
});

export const onlyClient = t.middleware(({ ctx, next }) => {
  if (ctx.user?.role !== "client") throw new TRPCError({ code: "FORBIDDEN", message: "That is only for clients." });
  return next();
});

/** Takes `assignmentId`; loads it only through an engagement the caller belongs to. */
export const assignmentProcedure = authedProcedure
  .input(z.object({ assignmentId: z.uuid("That link isn't valid.") }))
  .use(async ({ ctx, input, next }) => {
    const assignment = await findAssignmentForUser(ctx.db, ctx.user, input.assignmentId);
    return next({ ctx: { ...ctx, assignment } });
  })
  .use(atomicWrites);

/** Takes `measureId` (an assignment); loads it only through an engagement the caller belongs to. */
export const measureProcedure = authedProcedure
  .input(ZMeasureRefSchema)
  .use(async ({ ctx, input, next }) => {
    const measure = await findMeasureForUser(ctx.db, ctx.user, input.measureId);
    return next({ ctx: { ...ctx, measure } });
  })
  .use(atomicWrites);

/** Takes `occurrenceId`; loads it only through an engagement the caller belongs to. */
export const occurrenceProcedure = authedProcedure
  .input(z.object({ occurrenceId: z.uuid("That link isn't valid.") }))
  .use(async ({ ctx, input, next }) => {
    const occurrence = await findOccurrenceForUser(ctx.db, ctx.user, input.occurrenceId);
    return next({ ctx: { ...ctx, occurrence } });
  })
  .use(atomicWrites);

/** Takes `templateId`; the caller's own templates and the starter library only. */
export const templateProcedure = therapistProcedure
  .input(z.object({ templateId: z.uuid("That link isn't valid.") }))
  .use(async ({ ctx, input, next }) => {
    const template = await findTemplateForTherapist(ctx.db, ctx.user, input.templateId);
    return next({ ctx: { ...ctx, template } });
  });

/** Takes `sessionId`; loads it only through an engagement the caller belongs to. */
export const sessionProcedure = authedProcedure
  .input(z.object({ sessionId: z.uuid("That link isn't valid.") }))
  .use(async ({ ctx, input, type, next }) => {
    const session = await memoized(ctx, type, `session:${input.sessionId}`, () => findSessionForUser(ctx.db, ctx.user, input.sessionId));
    // Its engagement passed the same access rule: the page's engagement-scoped calls need not load it again.
    prime<TLoadedEngagement>(ctx, `engagement:${session.engagement.id}`, { engagement: session.engagement });
    return next({ ctx: { ...ctx, session } });
  })
  .use(atomicWrites);

/** Takes `itemId`; loads the agenda item only through an engagement the caller belongs to. */
export const agendaItemProcedure = authedProcedure
  .input(z.object({ itemId: z.uuid("That link isn't valid.") }))
  .use(async ({ ctx, input, next }) => {
    const item = await findAgendaItemForUser(ctx.db, ctx.user, input.itemId);
    return next({ ctx: { ...ctx, item } });
  })
  .use(atomicWrites);
