-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('phq9', 'gad7');

-- CreateEnum
CREATE TYPE "MeasureSchedule" AS ENUM ('once', 'before_each_session', 'every_n_weeks');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'measure_assigned';
ALTER TYPE "NotificationKind" ADD VALUE 'measure_urgent';

-- CreateTable
CREATE TABLE "measure_assignments" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "kind" "MeasureKind" NOT NULL,
    "schedule" "MeasureSchedule" NOT NULL,
    "interval_weeks" SMALLINT,
    "assigned_by_id" UUID NOT NULL,
    "stopped_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measure_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measure_responses" (
    "id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "kind" "MeasureKind" NOT NULL,
    "period_key" VARCHAR(60) NOT NULL,
    "answers" JSONB NOT NULL,
    "difficulty" SMALLINT,
    "total" SMALLINT,
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "measure_responses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measure_flags" (
    "id" UUID NOT NULL,
    "response_id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measure_flags_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "measure_assignments_engagement_id_stopped_at_idx" ON "measure_assignments"("engagement_id", "stopped_at");

-- CreateIndex
CREATE INDEX "measure_assignments_assigned_by_id_idx" ON "measure_assignments"("assigned_by_id");

-- CreateIndex
CREATE INDEX "measure_responses_engagement_id_kind_completed_at_idx" ON "measure_responses"("engagement_id", "kind", "completed_at");

-- CreateIndex
CREATE INDEX "measure_responses_client_id_idx" ON "measure_responses"("client_id");

-- CreateIndex
CREATE UNIQUE INDEX "measure_responses_assignment_id_period_key_key" ON "measure_responses"("assignment_id", "period_key");

-- CreateIndex
CREATE UNIQUE INDEX "measure_flags_response_id_key" ON "measure_flags"("response_id");

-- CreateIndex
CREATE INDEX "measure_flags_engagement_id_acknowledged_at_idx" ON "measure_flags"("engagement_id", "acknowledged_at");

-- CreateIndex
CREATE INDEX "measure_flags_acknowledged_by_id_idx" ON "measure_flags"("acknowledged_by_id");

-- AddForeignKey
ALTER TABLE "measure_assignments" ADD CONSTRAINT "measure_assignments_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_assignments" ADD CONSTRAINT "measure_assignments_assigned_by_id_fkey" FOREIGN KEY ("assigned_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_responses" ADD CONSTRAINT "measure_responses_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "measure_assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_responses" ADD CONSTRAINT "measure_responses_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_responses" ADD CONSTRAINT "measure_responses_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_flags" ADD CONSTRAINT "measure_flags_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "measure_responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_flags" ADD CONSTRAINT "measure_flags_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_flags" ADD CONSTRAINT "measure_flags_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

