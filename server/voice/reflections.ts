// A quick reflection (issue 24): from the client's home, a few words or a
// voice memo (or both), filed in one step either in their journal (private)
// or on their next session's agenda. Filing goes through the journal and
// agenda rules themselves, so a reflection is exactly an entry or an item.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { fieldError } from "../errors";
import { now as clockNow } from "../clock";
import { createEntry } from "../journal/journal";
import { addAgendaItem } from "../sessions/agenda";
import { findNextSessionForClient } from "../sessions/access";
import { findEngagementForUser } from "../engagements/access";
import type { TQuickReflection } from "../../lib/schemas/voice";

export const NO_NEXT_SESSION = "There's no next session booked yet, so this can't go on an agenda. You could keep it in your journal for now.";

/** In the client's journal, private. */
export async function reflectInJournal(db: TDb, client: TSessionUser, input: TQuickReflection): Promise<{ id: string }> {
  const entry = await createEntry(db, client, { body: input.text, voiceMemoId: input.voiceMemoId, idempotencyKey: input.idempotencyKey });
  return { id: entry.id };
}

/** On the client's next session's agenda; a field error on "destination" when none is booked. */
export async function reflectOnAgenda(db: TDb, client: TSessionUser, input: TQuickReflection): Promise<{ id: string; sessionId: string }> {
  // A named engagement that isn't theirs is not found, like any record.
  if (input.engagementId) await findEngagementForUser(db, client, input.engagementId);
  const session = await findNextSessionForClient(db, client, clockNow(), input.engagementId);
  if (!session) throw fieldError("destination", NO_NEXT_SESSION);
  const item = await addAgendaItem(db, client, session, {
    sessionId: session.id,
    text: input.text,
    kind: "topic",
    idempotencyKey: input.idempotencyKey,
    voiceMemoId: input.voiceMemoId,
  });
  return { id: item.id, sessionId: session.id };
}
