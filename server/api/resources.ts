// Procedures on clinical records, from one factory (docs/architecture.md,
// "The procedure ladder"). A procedure declares its policy and calls its
// domain, `goal.mutation("either", ZAddStepSchema, { run, audit })`; the
// factory does the rest, in this order:
//
//   1. signed in (authedProcedure), then the caller's ROLE: a client calling a
//      therapist's action is refused before anything is read;
//   2. the input, parsed by its strict schema (field errors);
//   3. the record it names, loaded once through its domain's access builder
//      (NOT_FOUND when it isn't the caller's; shared across one request's
//      queries);
//   4. for a write, the engagement must be active (read-only once ended);
//   5. a mutation's transaction (atomicWrites, server/api/trpc.ts) around
//      the domain call and its audit events, which commit together;
//   6. `run`, then the declared audit events, naming the record they are about.
//
// Records that belong to a person rather than an engagement (their journal,
// their caseload, their exports) use `own`: role, transaction and audit the
// same way, with nothing to load.
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import type { TSessionUser } from "../auth/session-user";
import { audit, auditOn, type TAuditAction, type TAuditRecordType } from "../audit/record";
import { assertWritable, findEngagementWithSummary, type TEngagementContext } from "../engagements/access";
import { findGoalForUser, type TGoalContext } from "../goals/access";
import { findAssignmentForUser, findOccurrenceForUser, type TAssignmentContext, type TOccurrenceContext } from "../homework/access";
import { findAgendaItemForUser, findSessionForUser, type TAgendaItemContext, type TSessionContext } from "../sessions/access";
import { findMeasureForUser, type TMeasureContext } from "../measures/access";
import { findTemplateForTherapist, type TTemplateContext } from "../homework/access";
import { findLadderStepForUser, type TLadderStepContext } from "../exercises/ladder";
import { ZLadderStepRefSchema } from "../../lib/schemas/exercise";
import type { TEngagementSummary } from "../engagements/header";
import type { TLogger } from "../log";
import { ZGoalRefSchema } from "../../lib/schemas/goal";
import { ZAssignmentRefSchema, ZOccurrenceRefSchema, ZTemplateRefSchema } from "../../lib/schemas/homework";
import { ZAgendaItemRefSchema, ZSessionRefSchema } from "../../lib/schemas/session";
import { ZMeasureRefSchema } from "../../lib/schemas/measure";
import { ZEngagementRefSchema } from "../../lib/schemas/engagement";
import { ZMessageRefSchema } from "../../lib/schemas/message";
import { findMessageForUser, type TMessageContext } from "../messages/access";
import { atomicWrites, authedProcedure, type TContext } from "./trpc";
import { memoized, prime } from "./request-memo";

/** Who may call: checked before anything is loaded. */
export type TRoleRule = "therapist" | "client" | "either";

export type TSignedInContext = Omit<TContext, "user"> & { user: TSessionUser; log: TLogger };

type TCall<TRecord, TInput, TOutput> = { record: TRecord; input: TInput; output: TOutput; user: TSessionUser };

/** One audit event a procedure records when it succeeds. */
export type TAuditDeclaration<TRecord, TInput, TOutput> = {
  action: TAuditAction;
  recordType: TAuditRecordType;
  /** The record the event is about; by default the one the procedure loaded. Null: a list. */
  recordId?: (call: TCall<TRecord, TInput, TOutput>) => string | null;
  /** Recorded only when this holds (e.g. the answer raised a flag). */
  when?: (call: TCall<TRecord, TInput, TOutput>) => boolean;
  /**
   * `own` only: the engagement a caller-level change made (a new invitation's).
   * A record's engagement always comes from the record, never from here.
   */
  engagementId?: (call: TCall<TRecord, TInput, TOutput>) => string | null;
  /** `own` only: that engagement's client, so the event shows in their access log (a handover's). */
  clientId?: (call: TCall<TRecord, TInput, TOutput>) => string | null;
};

type TAudits<TRecord, TInput, TOutput> = TAuditDeclaration<TRecord, TInput, TOutput> | TAuditDeclaration<TRecord, TInput, TOutput>[] | null;

/**
 * What a procedure does, after its role and input: `goal.mutation("either",
 * ZAddStepSchema, { run, audit })`. Write `run` before `audit`: TypeScript
 * infers the output from `run` in the order the properties are written, and
 * `audit` reads it.
 */
type TDefinition<TContextOf, TRecord, TSchema extends z.ZodType, TOutput> = {
  /** Calls the domain, nothing else. */
  run: (call: { ctx: TContextOf; input: z.output<TSchema> }) => Promise<TOutput>;
  /** Declared, even when nothing is recorded (null, with the reason beside it). */
  audit: TAudits<TRecord, z.output<TSchema>, NoInfer<TOutput>>;
};

type TMutationDefinition<TContextOf, TRecord, TSchema extends z.ZodType, TOutput> = TDefinition<TContextOf, TRecord, TSchema, TOutput> & {
  /** False for a change allowed on an engagement that isn't active (an invitation's, before it is accepted). */
  isWrite?: boolean;
};

const FORBIDDEN_MESSAGE: Record<Exclude<TRoleRule, "either">, string> = {
  therapist: "That is only for therapists.",
  client: "That is only for clients.",
};

function roleGate(rule: TRoleRule) {
  return authedProcedure.use(({ ctx, next }) => {
    if (rule !== "either" && ctx.user.role !== rule) throw new TRPCError({ code: "FORBIDDEN", message: FORBIDDEN_MESSAGE[rule] });
    return next();
  });
}

function declarations<TRecord, TInput, TOutput>(audits: TAudits<TRecord, TInput, TOutput>) {
  return audits === null ? [] : Array.isArray(audits) ? audits : [audits];
}

type TEventWriter<TRecord> = <TInput, TOutput>(
  ctx: TSignedInContext,
  event: TAuditDeclaration<TRecord, TInput, TOutput>,
  call: TCall<TRecord, TInput, TOutput>,
) => Promise<void>;

/** The one body every factory procedure has: the domain call, then the declared events that hold. */
function declaredResolver<TContextOf, TRecord, TSchema extends z.ZodType, TOutput>(
  definition: TDefinition<TContextOf, TRecord, TSchema, TOutput>,
  recordOf: (ctx: TSignedInContext) => TRecord,
  writeEvent: TEventWriter<TRecord>,
) {
  return async ({ ctx, input }: { ctx: TSignedInContext; input: unknown }): Promise<TOutput> => {
    const parsed = input as z.output<TSchema>;
    const output = await definition.run({ ctx: ctx as unknown as TContextOf, input: parsed });
    const call = { record: recordOf(ctx), input: parsed, output, user: ctx.user };
    for (const event of declarations(definition.audit)) {
      if (!event.when || event.when(call)) await writeEvent(ctx, event, call);
    }
    return output;
  };
}

type TResourceSpec<TRef extends z.ZodObject, TRecord, TAdd extends object> = {
  /** The input naming the record (e.g. `{ goalId }`): every procedure's input extends it (and is `.strict()`). */
  ref: TRef;
  /** Loads the record only if the caller may see it; NOT_FOUND otherwise. */
  load: (ctx: TSignedInContext, ref: z.output<TRef>, type: string) => Promise<TRecord>;
  /**
   * The engagement it hangs off: its status decides writes, its client is in
   * every audit event. Null for a therapist's own material (templates).
   */
  engagementOf: (record: TRecord) => TEngagementContext | null;
  /** The record's own id, for audit events; `record.id` unless said otherwise. */
  idOf?: (record: TRecord) => string;
  /** What the domain code reads on the context (e.g. `ctx.goal`). */
  toContext: (record: TRecord) => TAdd;
};

export type TResourceContext<TAdd> = TSignedInContext & TAdd;

/** The procedures of one kind of record: `.query(role, input, {...})` and `.mutation(role, input, {...})`. */
export function resource<TRef extends z.ZodObject, TRecord, TAdd extends object>(spec: TResourceSpec<TRef, TRecord, TAdd>) {
  const idOf = spec.idOf ?? ((record: TRecord) => (record as { id: string }).id);
  /** Role, then the input (which names the record), then the record, then writability and the transaction. */
  function procedure<TSchema extends z.ZodType<z.output<TRef>>>(rule: TRoleRule, isWrite: boolean, input: TSchema) {
    return roleGate(rule)
      .input(input)
      .use(async ({ ctx, input: parsed, type, next }) => {
        const record = await spec.load(ctx, parsed as z.output<TRef>, type);
        const engagementOfRecord = spec.engagementOf(record);
        if (isWrite && engagementOfRecord) assertWritable(engagementOfRecord);
        return next({ ctx: { ...spec.toContext(record), loadedRecord: record } });
      })
      .use(atomicWrites);
  }

  const recordOf = (ctx: TSignedInContext) => (ctx as TSignedInContext & { loadedRecord: TRecord }).loadedRecord;
  const writeEvent: TEventWriter<TRecord> = async (ctx, event, call) => {
    const recordId = event.recordId ? event.recordId(call) : idOf(call.record);
    const engagementOfRecord = spec.engagementOf(call.record);
    if (engagementOfRecord) await auditOn(ctx, engagementOfRecord, event.action, event.recordType, recordId);
    else await audit(ctx, { action: event.action, recordType: event.recordType, recordId });
  };

  return {
    query<TSchema extends z.ZodType<z.output<TRef>>, TOutput>(
      role: TRoleRule,
      input: TSchema,
      definition: TDefinition<TResourceContext<TAdd>, TRecord, TSchema, TOutput>,
    ) {
      return procedure(role, false, input).query(declaredResolver(definition, recordOf, writeEvent));
    },
    mutation<TSchema extends z.ZodType<z.output<TRef>>, TOutput>(
      role: TRoleRule,
      input: TSchema,
      definition: TMutationDefinition<TResourceContext<TAdd>, TRecord, TSchema, TOutput>,
    ) {
      return procedure(role, definition.isWrite ?? true, input).mutation(declaredResolver(definition, recordOf, writeEvent));
    },
  };
}

/** The caller's own records: role, transaction and audit as for `resource`; the caller is the record. */
function ownProcedures() {
  const recordOf = (ctx: TSignedInContext) => ctx.user;
  const writeEvent: TEventWriter<TSessionUser> = (ctx, event, call) =>
    audit(ctx, {
      action: event.action,
      recordType: event.recordType,
      recordId: event.recordId ? event.recordId(call) : null,
      engagementId: event.engagementId ? event.engagementId(call) : null,
      // A client's own records are theirs; a therapist's lists span clients unless the event names one.
      clientId: ctx.user.role === "client" ? ctx.user.id : event.clientId ? event.clientId(call) : null,
    });
  const procedure = (rule: TRoleRule) => roleGate(rule).use(atomicWrites);

  return {
    query<TSchema extends z.ZodType, TOutput>(role: TRoleRule, input: TSchema, definition: TDefinition<TSignedInContext, TSessionUser, TSchema, TOutput>) {
      return procedure(role).input(input).query(declaredResolver(definition, recordOf, writeEvent));
    },
    mutation<TSchema extends z.ZodType, TOutput>(role: TRoleRule, input: TSchema, definition: TDefinition<TSignedInContext, TSessionUser, TSchema, TOutput>) {
      return procedure(role).input(input).mutation(declaredResolver(definition, recordOf, writeEvent));
    },
  };
}

export const own = ownProcedures();

/** The answer of a change that has nothing else to say. */
export async function done(work: Promise<unknown>): Promise<{ ok: true }> {
  await work;
  return { ok: true };
}

// --- The records ----------------------------------------------------------------------

/** What the request memo holds per engagement; `summary` is absent when another record's access check primed it. */
export type TLoadedEngagement = { engagement: TEngagementContext; summary?: TEngagementSummary; clientTimeZone?: string | null };

/** An engagement: the root every clinical record hangs off (server/engagements/access.ts). */
export const engagement = resource({
  ref: ZEngagementRefSchema,
  // Once per request, however many of a page's procedures need it; with its header (engagement.byId).
  load: (ctx, ref, type) =>
    memoized<TLoadedEngagement>(ctx, type, `engagement:${ref.engagementId}`, () => findEngagementWithSummary(ctx.db, ctx.user, ref.engagementId)),
  engagementOf: (loaded) => loaded.engagement,
  idOf: (loaded) => loaded.engagement.id,
  toContext: (loaded) => ({
    engagement: loaded.engagement,
    engagementSummary: loaded.summary,
    engagementClientTimeZone: loaded.clientTimeZone,
  }),
});

/** A goal, through its engagement (server/goals/access.ts). */
export const goal = resource({
  ref: ZGoalRefSchema,
  load: (ctx, ref, type) => memoized<TGoalContext>(ctx, type, `goal:${ref.goalId}`, () => findGoalForUser(ctx.db, ctx.user, ref.goalId)),
  engagementOf: (record) => record.engagement, toContext: (record) => ({ goal: record }),
});

/** A homework assignment, through its engagement (server/homework/access.ts). */
export const assignment = resource({
  ref: ZAssignmentRefSchema,
  load: (ctx, ref): Promise<TAssignmentContext> => findAssignmentForUser(ctx.db, ctx.user, ref.assignmentId),
  engagementOf: (record) => record.engagement, toContext: (record) => ({ assignment: record }),
});

/** One day of a homework assignment, through the assignment's engagement. */
export const occurrence = resource({
  ref: ZOccurrenceRefSchema,
  load: (ctx, ref): Promise<TOccurrenceContext> => findOccurrenceForUser(ctx.db, ctx.user, ref.occurrenceId),
  engagementOf: (record) => record.assignment.engagement, toContext: (record) => ({ occurrence: record }),
});

/** A questionnaire assignment (PHQ-9, GAD-7), through its engagement (server/measures/access.ts). */
export const measure = resource({
  ref: ZMeasureRefSchema,
  load: (ctx, ref): Promise<TMeasureContext> => findMeasureForUser(ctx.db, ctx.user, ref.measureId),
  engagementOf: (record) => record.engagement, toContext: (record) => ({ measure: record }),
});

/** A session, through its engagement (server/sessions/access.ts). */
export const session = resource({
  ref: ZSessionRefSchema,
  load: async (ctx, ref, type) => {
    const loaded = await memoized<TSessionContext>(ctx, type, `session:${ref.sessionId}`, () => findSessionForUser(ctx.db, ctx.user, ref.sessionId));
    // Its engagement passed the same access rule: the page's engagement-scoped calls need not load it again.
    prime<TLoadedEngagement>(ctx, `engagement:${loaded.engagement.id}`, { engagement: loaded.engagement });
    return loaded;
  },
  engagementOf: (record) => record.engagement, toContext: (record) => ({ session: record }),
});

/** An item on a session's agenda, through the session's engagement. */
export const agendaItem = resource({
  ref: ZAgendaItemRefSchema,
  load: (ctx, ref): Promise<TAgendaItemContext> => findAgendaItemForUser(ctx.db, ctx.user, ref.itemId),
  engagementOf: (record) => record.session.engagement, toContext: (record) => ({ item: record }),
});

/** A therapist's own template, or one of the starter library: working material, not a clinical record. */
export const template = resource({
  ref: ZTemplateRefSchema,
  load: (ctx, ref): Promise<TTemplateContext> => findTemplateForTherapist(ctx.db, ctx.user, ref.templateId),
  engagementOf: () => null, toContext: (record) => ({ template: record }),
});

/** A step of an exposure ladder, through its engagement (server/exercises/ladder.ts). */
export const ladderStep = resource({
  ref: ZLadderStepRefSchema,
  load: (ctx, ref): Promise<TLadderStepContext> => findLadderStepForUser(ctx.db, ctx.user, ref.stepId),
  engagementOf: (record) => record.engagement, toContext: (record) => ({ step: record }),
});

/** A message between sessions, through its engagement (server/messages/access.ts). */
export const message = resource({
  ref: ZMessageRefSchema,
  load: (ctx, ref): Promise<TMessageContext> => findMessageForUser(ctx.db, ctx.user, ref.messageId),
  engagementOf: (record) => record.engagement, toContext: (record) => ({ message: record }),
});
