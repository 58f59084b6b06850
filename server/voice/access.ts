// Who may hear a voice memo (issue 24). Built into every query for a memo,
// so a memo is found only by someone allowed to hear it at that moment; a
// playback request (server/voice/playback.ts) asks again for every range.
//
// INVARIANTS
// - The client who recorded it always may (their own voice), wherever it is.
// - A therapist may only through where the client put it, and only as long
//   as that place is theirs to read:
//     journal entry  while the entry is shared with their ACTIVE engagement,
//                    as server/journal/journal.ts sharedJournalWhere
//                    (making it private again stops playback at once);
//     agenda item    while the item is on a session of their engagement;
//     homework day   once the client has recorded the day (done, skipped or
//                    an exercise sent) on their engagement;
//     message        sent in their engagement's conversation (readable
//                    after the work ends, like the conversation itself).
// - A memo with no place is the client's draft: nobody else's.
import type { Prisma } from "../db/generated/client";
import type { TSessionUser } from "../auth/session-user";

export function memoWhereForUser(user: Pick<TSessionUser, "id" | "role">): Prisma.VoiceMemoWhereInput {
  if (user.role === "client") return { clientId: user.id };
  const engagement = { therapistId: user.id };
  return {
    OR: [
      { journalEntry: { visibility: "shared", sharedEngagement: { ...engagement, status: "active" } } },
      { agendaItem: { session: { engagement } } },
      { occurrence: { assignment: { engagement }, completion: { isNot: null } } },
      { message: { engagement } },
    ],
  };
}
