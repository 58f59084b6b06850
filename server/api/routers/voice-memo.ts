import { z } from "zod";
import { ZQuickReflectionSchema, ZSetVoiceMemoNoteSchema, ZVoiceMemoRefSchema } from "@/lib/schemas/voice";
import { deleteMemo, listDrafts, setNote } from "@/server/voice/memos";
import { reflectInJournal, reflectOnAgenda } from "@/server/voice/reflections";
import { createTRPCRouter } from "../trpc";
import { done, own } from "../resources";

// Voice memos are the client's own: found by the client's id from the
// session (server/voice/memos.ts), never by an id alone. Recording and
// playback are HTTP routes (app/api/voice-memos/); these manage the rest.
export const voiceMemoRouter = createTRPCRouter({
  /** Recordings not yet placed anywhere (a quick reflection left unfinished). The client's own: not an access to record. */
  drafts: own.query("client", z.object({}).strict().optional(), {
    run: ({ ctx }) => listDrafts(ctx.db, ctx.user),
    audit: null,
  }),

  setNote: own.mutation("client", ZSetVoiceMemoNoteSchema, {
    run: ({ ctx, input }) => setNote(ctx.db, ctx.user, input.memoId, input.note),
    audit: { action: "update", recordType: "voice_memo", recordId: ({ input }) => input.memoId },
  }),

  delete: own.mutation("client", ZVoiceMemoRefSchema, {
    run: ({ ctx, input }) => done(deleteMemo(ctx.db, ctx.user, input.memoId)),
    audit: { action: "delete", recordType: "voice_memo", recordId: ({ input }) => input.memoId },
  }),

  /** A quick reflection kept in the client's journal, private. */
  reflectInJournal: own.mutation("client", ZQuickReflectionSchema, {
    run: ({ ctx, input }) => reflectInJournal(ctx.db, ctx.user, input),
    audit: { action: "create", recordType: "journal_entry", recordId: ({ output }) => output.id },
  }),

  /** A quick reflection put on the client's next session's agenda. */
  reflectOnAgenda: own.mutation("client", ZQuickReflectionSchema, {
    run: ({ ctx, input }) => reflectOnAgenda(ctx.db, ctx.user, input),
    audit: { action: "create", recordType: "agenda_item", recordId: ({ output }) => output.id },
  }),
});
