// Task `practice_invitation_email`: sends a colleague's invitation to a
// practice if its link still stands (server/practices/invitations.ts). A
// refusing or unreachable mail server throws, and graphile-worker retries.
import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db/client";
import { sendColleagueInvitationMail } from "../../practices/invitations";

const ZPayloadSchema = z.object({ invitationId: z.uuid() }).strict();

export const practiceInvitationEmail: Task = async (payload) => {
  const parsed = ZPayloadSchema.safeParse(payload);
  // A malformed payload never gets better by retrying: drop it.
  if (!parsed.success) return;
  await sendColleagueInvitationMail(getDb(), parsed.data.invitationId);
};
