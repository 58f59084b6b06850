import { z } from "zod";
import {
  ZAnswerSupervisionSchema,
  ZAskSupervisionSchema,
  ZShareNoteForSupervisionSchema,
  ZSupervisionRequestRefSchema,
  ZSupervisionRequestSchema,
} from "@/lib/schemas/supervision";
import { ZEngagementRefSchema } from "@/lib/schemas/engagement";
import { findSupervisedEngagement, type TSupervisedEngagement } from "@/server/supervision/access";
import {
  answerSupervision,
  askSupervision,
  findRequestForUser,
  findSupervisableEngagement,
  listForClient,
  listForClinician,
  listForSupervisor,
  shareNoteForSupervision,
  withdrawSupervision,
  type TRequestContext,
  type TSupervisableEngagement,
} from "@/server/supervision/requests";
import { getSupervisionView } from "@/server/supervision/view";
import { createTRPCRouter } from "../trpc";
import { engagement, own, resource, session } from "../resources";

// Supervision with the client's consent (issue 29; server/supervision).
// A supervisor reaches a client's records ONLY through `view`, loaded by
// findSupervisedEngagement (agreed, not run out, still colleagues); every
// other procedure of the app keeps answering NOT_FOUND to them.

/** A colleague's client a supervisor may ask about (FORBIDDEN for anyone but a current supervisor; NOT_FOUND outside their practice). */
const supervisable = resource({
  ref: ZEngagementRefSchema,
  load: (ctx, ref): Promise<TSupervisableEngagement> => findSupervisableEngagement(ctx.db, ctx.user, ref.engagementId),
  engagementOf: (record) => record,
  toContext: (record) => ({ supervisable: record }),
});

/** A request, for its client, its supervisor and the engagement's therapist. */
const supervisionRequest = resource({
  ref: ZSupervisionRequestRefSchema,
  load: (ctx, ref): Promise<TRequestContext> => findRequestForUser(ctx.db, ctx.user, ref.requestId),
  engagementOf: (record) => record.engagement,
  toContext: (record) => ({ request: record }),
});

/** The engagement a supervisor reads while the client agrees. */
const supervised = resource({
  ref: ZSupervisionRequestRefSchema,
  load: (ctx, ref): Promise<TSupervisedEngagement> => findSupervisedEngagement(ctx.db, ctx.user, ref.requestId),
  engagementOf: (record) => record.engagement,
  idOf: (record) => record.requestId,
  toContext: (record) => ({ supervised: record }),
});

const NO_INPUT = z.object({}).strict().optional();

export const supervisionRouter = createTRPCRouter({
  /** The client: who asked to see their records, why, for how long, what they would see, and what they answered. */
  forClient: own.query("client", NO_INPUT, {
    run: ({ ctx }) => listForClient(ctx.db, ctx.user),
    audit: { action: "list", recordType: "supervision_request" },
  }),

  /** The supervisor: their requests, whom they may read now, and the colleagues' clients they may ask about (names only). */
  mine: own.query("therapist", NO_INPUT, {
    run: ({ ctx }) => listForSupervisor(ctx.db, ctx.user),
    audit: { action: "list", recordType: "supervision_request" },
  }),

  /** The clinician: who supervises (or asked to supervise) this client. */
  forEngagement: engagement.query("therapist", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => listForClinician(ctx.db, ctx.engagement),
    audit: { action: "list", recordType: "supervision_request", recordId: () => null },
  }),

  ask: supervisable.mutation("therapist", ZAskSupervisionSchema, {
    run: ({ ctx, input }) => askSupervision(ctx.db, ctx.user, ctx.supervisable, input),
    audit: { action: "create", recordType: "supervision_request", recordId: ({ output }) => output.id },
  }),

  // Answering and withdrawing are allowed whatever the engagement's state (the domain says what an answer may be).
  answer: supervisionRequest.mutation("client", ZAnswerSupervisionSchema, {
    run: ({ ctx, input }) => answerSupervision(ctx.db, ctx.user, ctx.request, input.answer),
    audit: { action: "update", recordType: "supervision_request" },
    isWrite: false,
  }),

  withdraw: supervisionRequest.mutation("either", ZSupervisionRequestSchema, {
    run: ({ ctx }) => withdrawSupervision(ctx.db, ctx.user, ctx.request),
    audit: { action: "update", recordType: "supervision_request" },
    isWrite: false,
  }),

  /** The supervisor's read-only view; each load is in the client's access log under the supervisor's name. */
  view: supervised.query("therapist", ZSupervisionRequestSchema, {
    run: ({ ctx }) => getSupervisionView(ctx.db, ctx.supervised),
    audit: [
      { action: "list", recordType: "goal", recordId: () => null },
      { action: "list", recordType: "homework_assignment", recordId: () => null },
      { action: "list", recordType: "session", recordId: () => null },
      { action: "list", recordType: "measure_response", recordId: () => null },
      { action: "list", recordType: "journal_entry", recordId: () => null },
      { action: "read", recordType: "safety_plan", recordId: () => null },
      // For the clinician's trail; a client's log never lists private notes (server/audit/access-log.ts).
      { action: "list", recordType: "note_therapist_private", recordId: () => null, when: ({ output }) => output.sessions.some((row) => row.sharedPrivateNote) },
    ],
  }),

  /** The clinician shares their private note of a session for supervision, or stops sharing it. */
  shareNote: session.mutation("therapist", ZShareNoteForSupervisionSchema, {
    run: ({ ctx, input }) => shareNoteForSupervision(ctx.db, ctx.user, ctx.session, input.isShared),
    audit: { action: "update", recordType: "note_therapist_private", recordId: ({ output }) => output.id },
  }),
});
