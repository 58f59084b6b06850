// Writing session notes. Who may write which kind (see access.ts for who may
// read): the therapist writes the shared summary and their private note; the
// client writes their own takeaways and decides whether to share them.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError } from "../errors";
import { sealField } from "../crypto/sealed-fields";
import type { TSaveNote } from "../../lib/schemas/session";
import type { TSessionContext } from "./access";
import { announceSessionChange } from "./live";

const WRITER = { shared_summary: "therapist", therapist_private: "therapist", client_takeaway: "client" } as const;

export async function saveNote(db: TDb, user: TSessionUser, session: TSessionContext, input: TSaveNote): Promise<{ id: string }> {
  if (WRITER[input.kind] !== user.role) {
    throw new AppError("FORBIDDEN", user.role === "client" ? "Only your therapist writes that note." : "Only your client writes their takeaways.");
  }
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
