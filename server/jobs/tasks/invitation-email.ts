// Task `invitation_email`: sends an invitation, or a fresh link to it, if the
// link still stands (server/invitations/invitation-mail.ts). A refusing or
// unreachable mail server throws, and graphile-worker retries with back-off.
import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db/client";
import { sendInvitationMail } from "../../invitations/invitation-mail";

const ZInvitationEmailPayloadSchema = z.object({ invitationId: z.uuid(), kind: z.enum(["invitation", "link"]) }).strict();

export const invitationEmail: Task = async (payload) => {
  const parsed = ZInvitationEmailPayloadSchema.safeParse(payload);
  // A malformed payload never gets better by retrying: drop it.
  if (!parsed.success) return;
  await sendInvitationMail(getDb(), parsed.data);
};
