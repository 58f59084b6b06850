-- CreateEnum
CREATE TYPE "VoiceMemoStore" AS ENUM ('postgres', 'object_store');

-- CreateTable
CREATE TABLE "voice_memos" (
    "id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "mime_type" VARCHAR(40) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "chunk_bytes" INTEGER NOT NULL,
    "chunk_count" INTEGER NOT NULL,
    "store" "VoiceMemoStore" NOT NULL,
    "key_id" VARCHAR(32) NOT NULL,
    "journal_entry_id" UUID,
    "agenda_item_id" UUID,
    "occurrence_id" UUID,
    "placed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "voice_memos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "voice_memo_chunks" (
    "memo_id" UUID NOT NULL,
    "idx" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "voice_memo_chunks_pkey" PRIMARY KEY ("memo_id","idx")
);

-- CreateIndex
CREATE INDEX "voice_memos_client_id_created_at_idx" ON "voice_memos"("client_id", "created_at");

-- CreateIndex
CREATE INDEX "voice_memos_journal_entry_id_idx" ON "voice_memos"("journal_entry_id");

-- CreateIndex
CREATE INDEX "voice_memos_agenda_item_id_idx" ON "voice_memos"("agenda_item_id");

-- CreateIndex
CREATE INDEX "voice_memos_occurrence_id_idx" ON "voice_memos"("occurrence_id");

-- AddForeignKey
ALTER TABLE "voice_memos" ADD CONSTRAINT "voice_memos_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voice_memos" ADD CONSTRAINT "voice_memos_journal_entry_id_fkey" FOREIGN KEY ("journal_entry_id") REFERENCES "journal_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voice_memos" ADD CONSTRAINT "voice_memos_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voice_memos" ADD CONSTRAINT "voice_memos_occurrence_id_fkey" FOREIGN KEY ("occurrence_id") REFERENCES "homework_occurrences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voice_memo_chunks" ADD CONSTRAINT "voice_memo_chunks_memo_id_fkey" FOREIGN KEY ("memo_id") REFERENCES "voice_memos"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- However a memo row goes (its entry deleted, an account deleted, a cascade
-- from further up), bytes held in an object store must go too. The job is
-- added in the same transaction, so it exists exactly when the row is gone
-- (server/jobs/tasks/voice-memo-object-delete.ts removes the object).
CREATE FUNCTION "voice_memo_object_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."store" = 'object_store' THEN
    PERFORM graphile_worker.add_job(
      identifier := 'voice_memo_object_delete',
      payload := json_build_object('memoId', OLD."id"::text),
      job_key := 'voice-memo-object:' || OLD."id"::text
    );
  END IF;
  RETURN OLD;
END $$;

CREATE TRIGGER "voice_memos_object_gone" AFTER DELETE ON "voice_memos"
  FOR EACH ROW EXECUTE FUNCTION "voice_memo_object_gone"();
