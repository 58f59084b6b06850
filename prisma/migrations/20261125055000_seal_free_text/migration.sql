-- Sensitive free text is sealed at rest (server/crypto/sealed-fields.ts):
-- AES-256-GCM values are longer than the text they hold, so these columns
-- become unbounded TEXT; the zod schemas in lib/schemas still bound what a
-- person can write. Existing plaintext rows are sealed by the app on start
-- (scripts/start.ts runs the same pass as `npm run rotate-key`), since SQL
-- has no access to the key.

-- AlterTable
ALTER TABLE "homework_completions" ALTER COLUMN "response" SET DATA TYPE TEXT,
ALTER COLUMN "obstacle" SET DATA TYPE TEXT,
ALTER COLUMN "feedback" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "agenda_items" ALTER COLUMN "text" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "session_notes" ALTER COLUMN "body" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "journal_entries" ALTER COLUMN "body" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "session_feedback" ALTER COLUMN "comment" SET DATA TYPE TEXT;

-- Defaults follow the new type (Prisma writes '' as ''::text for TEXT).
ALTER TABLE "homework_completions" ALTER COLUMN "response" SET DEFAULT '',
ALTER COLUMN "obstacle" SET DEFAULT '';
ALTER TABLE "session_feedback" ALTER COLUMN "comment" SET DEFAULT '';
