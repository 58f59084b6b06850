// Task `message_email`: one e-mail for the messages a person has not read in
// one conversation, never their text (server/notifications/emails.ts).
import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db/client";
import { sendMessageEmail } from "../../notifications/emails";

const ZMessageEmailPayloadSchema = z.object({ userId: z.uuid(), engagementId: z.uuid() }).strict();

export const messageEmail: Task = async (payload) => {
  const parsed = ZMessageEmailPayloadSchema.safeParse(payload);
  // A malformed payload never gets better by retrying: drop it.
  if (!parsed.success) return;
  await sendMessageEmail(getDb(), parsed.data.userId, parsed.data.engagementId);
};
