-- The rest of the free text people write is sealed at rest
-- (server/crypto/sealed-fields.ts): goals (title, description, why it
-- matters), steps, status-change and rating notes, homework titles and
-- instructions (assignments and templates), and questionnaire item answers.
-- Sealed values are longer than the text they hold, so these columns become
-- unbounded TEXT; the zod schemas in lib/schemas still bound what a person can
-- write. Existing rows stay plaintext here, since SQL has no access to the
-- key: the app seals them on start (scripts/start.ts runs the same pass as
-- `npm run rotate-key`, server/crypto/reseal.ts), which picks up every value
-- not yet under the current key.

-- AlterTable
ALTER TABLE "goals" ALTER COLUMN "title" SET DATA TYPE TEXT,
ALTER COLUMN "description" SET DATA TYPE TEXT,
ALTER COLUMN "why_it_matters" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "goal_status_changes" ALTER COLUMN "note" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "goal_steps" ALTER COLUMN "text" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "goal_ratings" ALTER COLUMN "note" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "homework_templates" ALTER COLUMN "title" SET DATA TYPE TEXT,
ALTER COLUMN "instructions" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "homework_assignments" ALTER COLUMN "title" SET DATA TYPE TEXT,
ALTER COLUMN "instructions" SET DATA TYPE TEXT;

-- AlterTable
-- Answers were a JSONB array; they become its JSON text (e.g. "[1, 0, 2]"),
-- plaintext until the sealing pass seals it, after which the app reads only
-- sealed JSON.
ALTER TABLE "measure_responses" ALTER COLUMN "answers" SET DATA TYPE TEXT USING "answers"::text;

-- Defaults follow the new type (Prisma writes '' as ''::text for TEXT).
ALTER TABLE "goals" ALTER COLUMN "description" SET DEFAULT '',
ALTER COLUMN "why_it_matters" SET DEFAULT '';
ALTER TABLE "goal_status_changes" ALTER COLUMN "note" SET DEFAULT '';
ALTER TABLE "goal_ratings" ALTER COLUMN "note" SET DEFAULT '';
