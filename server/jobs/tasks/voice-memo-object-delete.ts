// Task `voice_memo_object_delete`: removes a deleted memo's sealed bytes from
// the object store. The job is added by a trigger on voice_memos in the same
// transaction as the deletion (migration 20261206185854_voice_memos), so
// every way a memo row goes (the client removing it, its journal entry or
// agenda item deleted, account deletion) reaches here. Idempotent: a memo
// row that still exists is left alone, an object already gone is a no-op.
import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db/client";
import { removeDeletedMemoObject } from "../../voice/memos";

const ZPayloadSchema = z.object({ memoId: z.uuid() }).strict();

export const voiceMemoObjectDelete: Task = async (payload) => {
  const parsed = ZPayloadSchema.safeParse(payload);
  if (!parsed.success) return;
  await removeDeletedMemoObject(getDb(), parsed.data.memoId);
};
