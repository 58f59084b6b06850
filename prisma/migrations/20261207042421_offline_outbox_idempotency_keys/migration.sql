-- AlterTable
ALTER TABLE "journal_entries" ADD COLUMN     "idempotency_key" VARCHAR(64);

-- AlterTable
ALTER TABLE "measure_responses" ADD COLUMN     "idempotency_key" VARCHAR(64);

-- CreateIndex
CREATE UNIQUE INDEX "journal_entries_client_id_idempotency_key_key" ON "journal_entries"("client_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "measure_responses_client_id_idempotency_key_key" ON "measure_responses"("client_id", "idempotency_key");

