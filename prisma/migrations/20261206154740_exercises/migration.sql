-- AlterTable
ALTER TABLE "homework_assignments" ADD COLUMN     "form_id" UUID;

-- AlterTable
ALTER TABLE "therapy_sessions" ADD COLUMN     "exercise_review_added_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "exercise_forms" (
    "id" UUID NOT NULL,
    "template_id" UUID,
    "version" SMALLINT NOT NULL,
    "definition" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exercise_forms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exercise_entries" (
    "id" UUID NOT NULL,
    "occurrence_id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "form_id" UUID NOT NULL,
    "answers" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "skill_rating" SMALLINT,
    "skill_rated_by_id" UUID,
    "skill_rated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "exercise_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ladder_steps" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "expected_anxiety" SMALLINT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ladder_steps_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "exercise_forms_template_id_version_key" ON "exercise_forms"("template_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "exercise_entries_occurrence_id_key" ON "exercise_entries"("occurrence_id");

-- CreateIndex
CREATE INDEX "exercise_entries_assignment_id_sent_at_idx" ON "exercise_entries"("assignment_id", "sent_at");

-- CreateIndex
CREATE INDEX "exercise_entries_engagement_id_sent_at_idx" ON "exercise_entries"("engagement_id", "sent_at");

-- CreateIndex
CREATE INDEX "exercise_entries_client_id_idx" ON "exercise_entries"("client_id");

-- CreateIndex
CREATE INDEX "exercise_entries_form_id_idx" ON "exercise_entries"("form_id");

-- CreateIndex
CREATE INDEX "exercise_entries_skill_rated_by_id_idx" ON "exercise_entries"("skill_rated_by_id");

-- CreateIndex
CREATE INDEX "ladder_steps_engagement_id_expected_anxiety_idx" ON "ladder_steps"("engagement_id", "expected_anxiety");

-- CreateIndex
CREATE INDEX "ladder_steps_created_by_id_idx" ON "ladder_steps"("created_by_id");

-- CreateIndex
CREATE INDEX "homework_assignments_form_id_idx" ON "homework_assignments"("form_id");

-- AddForeignKey
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_form_id_fkey" FOREIGN KEY ("form_id") REFERENCES "exercise_forms"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise_forms" ADD CONSTRAINT "exercise_forms_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "homework_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise_entries" ADD CONSTRAINT "exercise_entries_occurrence_id_fkey" FOREIGN KEY ("occurrence_id") REFERENCES "homework_occurrences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise_entries" ADD CONSTRAINT "exercise_entries_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "homework_assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise_entries" ADD CONSTRAINT "exercise_entries_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise_entries" ADD CONSTRAINT "exercise_entries_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise_entries" ADD CONSTRAINT "exercise_entries_form_id_fkey" FOREIGN KEY ("form_id") REFERENCES "exercise_forms"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise_entries" ADD CONSTRAINT "exercise_entries_skill_rated_by_id_fkey" FOREIGN KEY ("skill_rated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ladder_steps" ADD CONSTRAINT "ladder_steps_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ladder_steps" ADD CONSTRAINT "ladder_steps_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

