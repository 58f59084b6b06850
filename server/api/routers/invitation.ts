import { ZAcceptInvitationNewSchema, ZCreateInvitationSchema, ZInvitationRefSchema, ZOpenInvitationSchema } from "@/lib/schemas/invitation";
import { ZEngagementRefSchema } from "@/lib/schemas/engagement";
import {
  acceptInvitationAsExistingClient,
  acceptInvitationAsNewClient,
  createInvitation,
  emailInvitationLink,
  openInvitation,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from "@/server/invitations/invitations";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { engagement, own } from "../resources";

export const invitationRouter = createTRPCRouter({
  create: own.mutation("therapist", ZCreateInvitationSchema, {
    run: ({ ctx, input }) => createInvitation(ctx.db, ctx.user, input),
    audit: {
      action: "create",
      recordType: "invitation",
      recordId: ({ output }) => output.invitationId,
      engagementId: ({ output }) => output.engagementId,
    },
  }),

  /** A pending engagement isn't active: managing its invitation is not a write to the work. */
  resend: engagement.mutation("therapist", ZEngagementRefSchema.strict(), {
    isWrite: false,
    run: ({ ctx }) => resendInvitation(ctx.db, ctx.user, ctx.engagement),
    audit: { action: "update", recordType: "invitation", recordId: ({ output }) => output.invitationId },
  }),

  revoke: engagement.mutation("therapist", ZEngagementRefSchema.strict(), {
    isWrite: false,
    run: ({ ctx }) => revokeInvitation(ctx.db, ctx.user, ctx.engagement),
    audit: { action: "delete", recordType: "invitation", recordId: ({ output }) => output.invitationId },
  }),

  /** Public: whoever holds the link learns who invited them, never whether the address has an account. */
  preview: publicProcedure.input(ZInvitationRefSchema).query(({ ctx, input }) => previewInvitation(ctx.db, input.token, ctx.user)),

  /** Public: with the proof from the e-mailed link (a POST body, never a URL), what comes next for that address. */
  open: publicProcedure.input(ZOpenInvitationSchema).mutation(({ ctx, input }) => openInvitation(ctx.db, input.token, input.proof)),

  /** Public: e-mails the invited address a link with a proof; the same answer for every address. */
  emailLink: publicProcedure.input(ZInvitationRefSchema).mutation(({ ctx, input }) => emailInvitationLink(ctx.db, input.token, ctx.meta.ip)),

  /** Public: sets up a new client account from the invitation (audited as the new client's act, with it). */
  acceptNew: publicProcedure.input(ZAcceptInvitationNewSchema).mutation(({ ctx, input }) => acceptInvitationAsNewClient(ctx.db, input, ctx.meta)),

  acceptExisting: own.mutation("client", ZInvitationRefSchema, {
    run: ({ ctx, input }) => acceptInvitationAsExistingClient(ctx.db, ctx.user, input.token),
    audit: {
      action: "update",
      recordType: "engagement",
      recordId: ({ output }) => output.engagementId,
      engagementId: ({ output }) => output.engagementId,
    },
  }),
});
