import { ZAcceptInvitationNewSchema, ZCreateInvitationSchema, ZInvitationRefSchema, ZOpenInvitationSchema } from "@/lib/schemas/invitation";
import { audit } from "@/server/audit/record";
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
import {
  clientProcedure,
  createTRPCRouter,
  engagementTherapistProcedure,
  publicProcedure,
  therapistProcedure,
  ZEngagementRefSchema,
} from "../trpc";

export const invitationRouter = createTRPCRouter({
  create: therapistProcedure.input(ZCreateInvitationSchema).mutation(async ({ ctx, input }) => {
    const link = await createInvitation(ctx.db, ctx.user, input);
    await audit(ctx, {
      action: "create",
      recordType: "invitation",
      engagementId: link.engagementId,
    });
    return link;
  }),

  resend: engagementTherapistProcedure.input(ZEngagementRefSchema.strict()).mutation(async ({ ctx }) => {
    const link = await resendInvitation(ctx.db, ctx.user, ctx.engagement);
    await audit(ctx, { action: "update", recordType: "invitation", engagementId: ctx.engagement.id });
    return link;
  }),

  revoke: engagementTherapistProcedure.input(ZEngagementRefSchema.strict()).mutation(async ({ ctx }) => {
    await revokeInvitation(ctx.db, ctx.user, ctx.engagement);
    await audit(ctx, { action: "delete", recordType: "invitation", engagementId: ctx.engagement.id });
    return { ok: true as const };
  }),

  /** Public: whoever holds the link learns who invited them, never whether the address has an account. */
  preview: publicProcedure.input(ZInvitationRefSchema).query(({ ctx, input }) => previewInvitation(ctx.db, input.token, ctx.user)),

  /** Public: with the proof from the e-mailed link (a POST body, never a URL), what comes next for that address. */
  open: publicProcedure.input(ZOpenInvitationSchema).mutation(({ ctx, input }) => openInvitation(ctx.db, input.token, input.proof)),

  /** Public: e-mails the invited address a link with a proof; the same answer for every address. */
  emailLink: publicProcedure.input(ZInvitationRefSchema).mutation(({ ctx, input }) => emailInvitationLink(ctx.db, input.token, ctx.meta.ip)),

  /** Public: sets up a new client account from the invitation. */
  acceptNew: publicProcedure.input(ZAcceptInvitationNewSchema).mutation(async ({ ctx, input }) => {
    const accepted = await acceptInvitationAsNewClient(ctx.db, input);
    await audit(ctx, {
      action: "create",
      recordType: "engagement",
      recordId: accepted.engagementId,
      engagementId: accepted.engagementId,
      clientId: accepted.clientId,
    }, { id: accepted.clientId, role: "client" });
    return { email: accepted.email };
  }),

  acceptExisting: clientProcedure.input(ZInvitationRefSchema).mutation(async ({ ctx, input }) => {
    const accepted = await acceptInvitationAsExistingClient(ctx.db, ctx.user, input.token);
    await audit(ctx, {
      action: "update",
      recordType: "engagement",
      recordId: accepted.engagementId,
      engagementId: accepted.engagementId,
      clientId: ctx.user.id,
    });
    return accepted;
  }),
});
