// A practice (issue 29): its settings, its people and inviting colleagues.
// Nothing here opens a client's records: an owner or admin runs the practice,
// every member sees colleagues' names and roles (server/practices).
import { z } from "zod";
import {
  ZChangeRoleSchema,
  ZInviteColleagueSchema,
  ZJoinAsNewSchema,
  ZJoinRefSchema,
  ZMemberRefSchema,
  ZPracticeInvitationRefSchema,
  ZPracticeSettingsSchema,
} from "@/lib/schemas/practice";
import { measureDefaultsFor, practiceSettings, updatePracticeSettings } from "@/server/practices/settings";
import { changeRole, deactivateMember, leavePractice, practiceOverview } from "@/server/practices/members";
import { checkJoinLink, inviteColleague, joinAsExisting, joinAsNew, withdrawColleagueInvitation } from "@/server/practices/invitations";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { own } from "../resources";

const ZNoInput = z.object({}).strict().optional();

export const practiceRouter = createTRPCRouter({
  /** Any therapist: their practice's name, people and (owner or admin) waiting invitations. */
  overview: own.query("therapist", ZNoInput, {
    run: ({ ctx }) => practiceOverview(ctx.db, ctx.user),
    audit: null, // Colleagues' names and roles: no client's record.
  }),

  settings: own.query("therapist", ZNoInput, {
    run: ({ ctx }) => practiceSettings(ctx.db, ctx.user),
    audit: null, // The practice's own settings: no client's record.
  }),

  /** Any therapist: the questionnaires their practice offers first (the assign-a-questionnaire form). */
  measureDefaults: own.query("therapist", ZNoInput, {
    run: ({ ctx }) => measureDefaultsFor(ctx.db, ctx.user),
    audit: null, // The practice's defaults: no client's record.
  }),

  updateSettings: own.mutation("therapist", ZPracticeSettingsSchema, {
    run: ({ ctx, input }) => updatePracticeSettings(ctx.db, ctx.user, input),
    audit: { action: "update", recordType: "practice", recordId: ({ output }) => output.practiceId },
  }),

  invite: own.mutation("therapist", ZInviteColleagueSchema, {
    run: ({ ctx, input }) => inviteColleague(ctx.db, ctx.user, input),
    audit: { action: "create", recordType: "practice_invitation", recordId: ({ output }) => output.invitationId },
  }),

  withdrawInvitation: own.mutation("therapist", ZPracticeInvitationRefSchema, {
    run: ({ ctx, input }) => withdrawColleagueInvitation(ctx.db, ctx.user, input.invitationId),
    audit: { action: "delete", recordType: "practice_invitation", recordId: ({ output }) => output.invitationId },
  }),

  changeRole: own.mutation("therapist", ZChangeRoleSchema, {
    run: ({ ctx, input }) => changeRole(ctx.db, ctx.user, input.memberId, input.role),
    audit: { action: "update", recordType: "practice_member", recordId: ({ output }) => output.memberId },
  }),

  leave: own.mutation("therapist", ZNoInput, {
    run: ({ ctx }) => leavePractice(ctx.db, ctx.user),
    audit: { action: "delete", recordType: "practice_member", recordId: ({ output }) => output.memberId },
  }),

  deactivate: own.mutation("therapist", ZMemberRefSchema, {
    run: ({ ctx, input }) => deactivateMember(ctx.db, ctx.user, input.memberId),
    audit: [
      { action: "delete", recordType: "practice_member", recordId: ({ output }) => output.memberId },
      { action: "update", recordType: "account", recordId: ({ output }) => output.userId },
    ],
  }),

  /** Public: whether a joining link still works, and for whom (its holder reads the invited inbox). */
  checkJoinLink: publicProcedure.input(ZJoinRefSchema).mutation(({ ctx, input }) => checkJoinLink(ctx.db, input.token)),

  /** Public: a new colleague's account from the link (audited as their own act, with it). */
  joinNew: publicProcedure.input(ZJoinAsNewSchema).mutation(({ ctx, input }) => joinAsNew(ctx.db, input, ctx.meta)),

  /** A therapist who is alone where they are joins with the invited address. */
  joinExisting: own.mutation("therapist", ZJoinRefSchema, {
    run: ({ ctx, input }) => joinAsExisting(ctx.db, ctx.user, input.token),
    audit: { action: "create", recordType: "practice_member", recordId: ({ output }) => output.memberId },
  }),
});
