// Handing a client over to another clinician of the practice (issue 29;
// server/handovers/handovers.ts). The clinician, or an owner or admin of the
// practice once the clinician has left, proposes; the client accepts or
// declines; nothing moves before their yes.
import { z } from "zod";
import { ZEngagementRefSchema } from "@/lib/schemas/engagement";
import { ZHandoverRefSchema, ZProposeHandoverSchema } from "@/lib/schemas/handover";
import {
  acceptHandover,
  clientsOfLeftClinicians,
  declineHandover,
  handoverForClient,
  handoverNoticesFor,
  handoverOptions,
  previousNotesOf,
  proposeHandover,
  withdrawHandover,
} from "@/server/handovers/handovers";
import { createTRPCRouter } from "../trpc";
import { engagement, own } from "../resources";

/** Events about a proposal name its engagement and client, so they show in the client's access log. */
const onEngagement = {
  recordId: ({ output }: { output: { id: string } }) => output.id,
  engagementId: ({ output }: { output: { engagement: { id: string } } }) => output.engagement.id,
  clientId: ({ output }: { output: { engagement: { clientId: string | null } } }) => output.engagement.clientId,
};

export const handoverRouter = createTRPCRouter({
  /** The clinician's "Hand over" page: colleagues who could carry on, and a proposal still waiting. */
  options: engagement.query("therapist", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => handoverOptions(ctx.db, ctx.user, ctx.engagement),
    audit: { action: "read", recordType: "handover", recordId: () => null },
  }),

  /** The engagement's therapist, or an owner or admin when that therapist has left the practice. */
  propose: own.mutation("therapist", ZProposeHandoverSchema, {
    run: ({ ctx, input }) => proposeHandover(ctx.db, ctx.user, input),
    audit: { action: "create", recordType: "handover", ...onEngagement },
  }),

  withdraw: own.mutation("therapist", ZHandoverRefSchema.strict(), {
    run: ({ ctx, input }) => withdrawHandover(ctx.db, ctx.user, input.handoverId),
    audit: { action: "update", recordType: "handover", ...onEngagement },
  }),

  /** The client's notice on Today: proposals waiting, and who has their records now. */
  notices: own.query("client", z.object({}).strict().optional(), {
    run: ({ ctx }) => handoverNoticesFor(ctx.db, ctx.user),
    // Names and dates of the client's own proposals: nothing of anyone's records.
    audit: null,
  }),

  /** The proposal as its client reads it. */
  byId: own.query("client", ZHandoverRefSchema.strict(), {
    run: ({ ctx, input }) => handoverForClient(ctx.db, ctx.user, input.handoverId),
    audit: { action: "read", recordType: "handover", ...onEngagement },
  }),

  /** The client's yes: the work moves to a new engagement with the new clinician, in one transaction. */
  accept: own.mutation("client", ZHandoverRefSchema.strict(), {
    run: ({ ctx, input }) => acceptHandover(ctx.db, ctx.user, input.handoverId),
    audit: [
      { action: "update", recordType: "handover", recordId: ({ output }) => output.id, engagementId: ({ output }) => output.fromEngagement.id },
      { action: "create", recordType: "engagement", recordId: ({ output }) => output.toEngagement.id, engagementId: ({ output }) => output.toEngagement.id },
      // The previous clinician's private notes handed over with the work: a record of who may now read them.
      {
        action: "update",
        recordType: "note_therapist_private",
        recordId: () => null,
        engagementId: ({ output }) => output.toEngagement.id,
        when: ({ output }) => output.handedOverNoteIds.length > 0,
      },
    ],
  }),

  decline: own.mutation("client", ZHandoverRefSchema.strict(), {
    run: ({ ctx, input }) => declineHandover(ctx.db, ctx.user, input.handoverId),
    audit: { action: "update", recordType: "handover", ...onEngagement },
  }),

  /** For an owner or admin: clients whose clinician has left, and who could take them. */
  leftClients: own.query("therapist", z.object({}).strict().optional(), {
    run: ({ ctx }) => clientsOfLeftClinicians(ctx.db, ctx.user),
    audit: { action: "list", recordType: "handover" },
  }),

  /** The previous clinician's own private notes from work they handed over: theirs, read-only. */
  previousNotes: engagement.query("therapist", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => previousNotesOf(ctx.db, ctx.user, ctx.engagement),
    audit: { action: "list", recordType: "note_therapist_private", recordId: () => null },
  }),
});
