// Writing session notes. Who may write which kind (see access.ts for who may
// read): the therapist writes the shared summary and their private note; the
// client writes their own takeaways and decides whether to share them.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError, fieldError } from "../errors";
import { sealField } from "../crypto/sealed-fields";
import type { TSaveNote } from "../../lib/schemas/session";
import type { TSessionContext } from "./access";
import { announceSessionChange } from "./live";

const WRITER = { shared_summary: "therapist", therapist_private: "therapist", client_takeaway: "client" } as const;

/**
 * A session holds one private note (unique session and kind). After a
 * handover the previous clinician's stays theirs: the new one can neither
 * overwrite nor add to it, and writes theirs on their own sessions.
 */
async function assertOwnPrivateNote(db: TDb, user: TSessionUser, sessionId: string): Promise<void> {
  const existing = await db.sessionNote.findUnique({
    where: { sessionId_kind: { sessionId, kind: "therapist_private" } },
    select: { authorId: true, author: { select: { name: true } } },
  });
  if (existing && existing.authorId !== user.id) {
    throw fieldError(
      "body",
      `This session's private note is ${existing.author.name}'s, from before the client moved to you, and stays theirs. Write your private notes on your own sessions.`,
    );
  }
}

export async function saveNote(db: TDb, user: TSessionUser, session: TSessionContext, input: TSaveNote): Promise<{ id: string }> {
  if (WRITER[input.kind] !== user.role) {
    throw new AppError("FORBIDDEN", user.role === "client" ? "Only your therapist writes that note." : "Only your client writes their takeaways.");
  }
  if (input.kind === "therapist_private") await assertOwnPrivateNote(db, user, session.id);
  const isShared = input.kind === "client_takeaway" ? (input.isSharedWithTherapist ?? false) : false;
  const body = sealField("sessionNoteBody", { sessionId: session.id, kind: input.kind }, input.body);
  const note = await db.sessionNote.upsert({
    where: { sessionId_kind: { sessionId: session.id, kind: input.kind } },
    create: { sessionId: session.id, kind: input.kind, authorId: user.id, body, isSharedWithTherapist: isShared },
    update: { body, isSharedWithTherapist: isShared, version: { increment: 1 } },
    select: { id: true },
  });
  // A private note changes nothing the client can see: no announcement.
  if (input.kind !== "therapist_private") await announceSessionChange(db, session.id);
  return note;
}
