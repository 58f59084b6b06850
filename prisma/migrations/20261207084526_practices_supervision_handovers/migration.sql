-- CreateEnum
CREATE TYPE "PracticeRole" AS ENUM ('owner', 'admin', 'clinician', 'supervisor');

-- CreateEnum
CREATE TYPE "SupervisionStatus" AS ENUM ('asked', 'agreed', 'refused', 'withdrawn');

-- CreateEnum
CREATE TYPE "HandoverStatus" AS ENUM ('proposed', 'accepted', 'declined', 'withdrawn');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'supervision_requested';
ALTER TYPE "NotificationKind" ADD VALUE 'supervision_answered';
ALTER TYPE "NotificationKind" ADD VALUE 'handover_proposed';
ALTER TYPE "NotificationKind" ADD VALUE 'handover_answered';

-- AlterTable
ALTER TABLE "session_notes" ADD COLUMN     "handed_over_to_id" UUID,
ADD COLUMN     "shared_for_supervision_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "practices" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "crisis_resources" TEXT NOT NULL DEFAULT '',
    "require_two_step" BOOLEAN NOT NULL DEFAULT false,
    "homework_reminder_at" VARCHAR(5) NOT NULL DEFAULT '18:00',
    "quiet_from" VARCHAR(5) DEFAULT '21:00',
    "quiet_until" VARCHAR(5) DEFAULT '08:00',
    "default_measures" "MeasureKind"[] DEFAULT ARRAY[]::"MeasureKind"[],
    "default_measure_schedule" "MeasureSchedule" NOT NULL DEFAULT 'before_each_session',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "practices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "practice_members" (
    "id" UUID NOT NULL,
    "practice_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "PracticeRole" NOT NULL,
    "joined_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "left_at" TIMESTAMPTZ(3),

    CONSTRAINT "practice_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "practice_invitations" (
    "id" UUID NOT NULL,
    "practice_id" UUID NOT NULL,
    "invited_by_id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "role" "PracticeRole" NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "link_secret" TEXT NOT NULL DEFAULT '',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "practice_invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervision_requests" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "supervisor_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,
    "status" "SupervisionStatus" NOT NULL DEFAULT 'asked',
    "answered_at" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "supervision_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "handovers" (
    "id" UUID NOT NULL,
    "from_engagement_id" UUID NOT NULL,
    "to_engagement_id" UUID,
    "from_therapist_id" UUID NOT NULL,
    "to_therapist_id" UUID NOT NULL,
    "proposed_by_id" UUID NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "status" "HandoverStatus" NOT NULL DEFAULT 'proposed',
    "answered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "handovers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "practice_members_user_id_left_at_idx" ON "practice_members"("user_id", "left_at");

-- CreateIndex
CREATE UNIQUE INDEX "practice_members_practice_id_user_id_key" ON "practice_members"("practice_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "practice_invitations_token_hash_key" ON "practice_invitations"("token_hash");

-- CreateIndex
CREATE INDEX "practice_invitations_practice_id_created_at_idx" ON "practice_invitations"("practice_id", "created_at");

-- CreateIndex
CREATE INDEX "supervision_requests_engagement_id_status_idx" ON "supervision_requests"("engagement_id", "status");

-- CreateIndex
CREATE INDEX "supervision_requests_supervisor_id_status_idx" ON "supervision_requests"("supervisor_id", "status");

-- CreateIndex
CREATE INDEX "supervision_requests_clinician_id_idx" ON "supervision_requests"("clinician_id");

-- CreateIndex
CREATE UNIQUE INDEX "handovers_to_engagement_id_key" ON "handovers"("to_engagement_id");

-- CreateIndex
CREATE INDEX "handovers_from_engagement_id_status_idx" ON "handovers"("from_engagement_id", "status");

-- CreateIndex
CREATE INDEX "handovers_from_therapist_id_idx" ON "handovers"("from_therapist_id");

-- CreateIndex
CREATE INDEX "handovers_to_therapist_id_status_idx" ON "handovers"("to_therapist_id", "status");

-- CreateIndex
CREATE INDEX "handovers_proposed_by_id_idx" ON "handovers"("proposed_by_id");

-- CreateIndex
CREATE INDEX "session_notes_handed_over_to_id_idx" ON "session_notes"("handed_over_to_id");

-- AddForeignKey
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_handed_over_to_id_fkey" FOREIGN KEY ("handed_over_to_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "practice_members" ADD CONSTRAINT "practice_members_practice_id_fkey" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "practice_members" ADD CONSTRAINT "practice_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "practice_invitations" ADD CONSTRAINT "practice_invitations_practice_id_fkey" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "practice_invitations" ADD CONSTRAINT "practice_invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_requests" ADD CONSTRAINT "supervision_requests_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_requests" ADD CONSTRAINT "supervision_requests_supervisor_id_fkey" FOREIGN KEY ("supervisor_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_requests" ADD CONSTRAINT "supervision_requests_clinician_id_fkey" FOREIGN KEY ("clinician_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_from_engagement_id_fkey" FOREIGN KEY ("from_engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_to_engagement_id_fkey" FOREIGN KEY ("to_engagement_id") REFERENCES "engagements"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_from_therapist_id_fkey" FOREIGN KEY ("from_therapist_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_to_therapist_id_fkey" FOREIGN KEY ("to_therapist_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

