-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('therapist', 'client');

-- CreateEnum
CREATE TYPE "EngagementStatus" AS ENUM ('invited', 'active', 'ended');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('active', 'achieved', 'paused', 'archived');

-- CreateEnum
CREATE TYPE "HomeworkKind" AS ENUM ('journal', 'practice', 'reading', 'worksheet', 'other');

-- CreateEnum
CREATE TYPE "HomeworkSchedule" AS ENUM ('once', 'daily', 'weekly');

-- CreateEnum
CREATE TYPE "HomeworkStatus" AS ENUM ('active', 'cancelled');

-- CreateEnum
CREATE TYPE "CompletionStatus" AS ENUM ('done', 'partly_done', 'skipped');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('scheduled', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "AgendaItemKind" AS ENUM ('topic', 'question', 'about_therapy', 'avoided_topic', 'struggling', 'goal_review', 'homework_review');

-- CreateEnum
CREATE TYPE "AgendaItemStatus" AS ENUM ('open', 'discussed', 'deferred');

-- CreateEnum
CREATE TYPE "SessionNoteKind" AS ENUM ('shared_summary', 'client_takeaway', 'therapist_private');

-- CreateEnum
CREATE TYPE "JournalVisibility" AS ENUM ('private', 'shared');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('homework_assigned', 'homework_due', 'agenda_reminder', 'agenda_item_added', 'feedback_received', 'invitation_accepted');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "time_zone" VARCHAR(64) NOT NULL DEFAULT 'UTC',
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "deactivated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "engagements" (
    "id" UUID NOT NULL,
    "therapist_id" UUID NOT NULL,
    "client_id" UUID,
    "status" "EngagementStatus" NOT NULL DEFAULT 'invited',
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "ended_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "engagements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "therapist_id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goals" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" VARCHAR(4000) NOT NULL DEFAULT '',
    "why_it_matters" VARCHAR(4000) NOT NULL DEFAULT '',
    "status" "GoalStatus" NOT NULL DEFAULT 'active',
    "target_date" DATE,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "goals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goal_status_changes" (
    "id" UUID NOT NULL,
    "goal_id" UUID NOT NULL,
    "from_status" "GoalStatus",
    "to_status" "GoalStatus" NOT NULL,
    "note" VARCHAR(2000) NOT NULL DEFAULT '',
    "changed_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "goal_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goal_steps" (
    "id" UUID NOT NULL,
    "goal_id" UUID NOT NULL,
    "text" VARCHAR(500) NOT NULL,
    "position" INTEGER NOT NULL,
    "done_at" TIMESTAMPTZ(3),
    "done_by_id" UUID,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "goal_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goal_ratings" (
    "id" UUID NOT NULL,
    "goal_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "author_role" "Role" NOT NULL,
    "value" SMALLINT NOT NULL,
    "note" VARCHAR(2000) NOT NULL DEFAULT '',
    "session_id" UUID,
    "idempotency_key" VARCHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "goal_ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "homework_templates" (
    "id" UUID NOT NULL,
    "owner_id" UUID,
    "title" VARCHAR(200) NOT NULL,
    "instructions" VARCHAR(8000) NOT NULL,
    "kind" "HomeworkKind" NOT NULL,
    "schedule" "HomeworkSchedule" NOT NULL DEFAULT 'once',
    "duration_days" SMALLINT,
    "times_per_week" SMALLINT,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "homework_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "homework_assignments" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "template_id" UUID,
    "goal_id" UUID,
    "assigned_by_id" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "instructions" VARCHAR(8000) NOT NULL,
    "kind" "HomeworkKind" NOT NULL,
    "schedule" "HomeworkSchedule" NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "times_per_week" SMALLINT,
    "status" "HomeworkStatus" NOT NULL DEFAULT 'active',
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "homework_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "homework_occurrences" (
    "id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "opens_on" DATE NOT NULL,
    "due_on" DATE NOT NULL,

    CONSTRAINT "homework_occurrences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "homework_completions" (
    "id" UUID NOT NULL,
    "occurrence_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "status" "CompletionStatus" NOT NULL,
    "response" VARCHAR(8000) NOT NULL DEFAULT '',
    "difficulty" SMALLINT,
    "helpfulness" SMALLINT,
    "obstacle" VARCHAR(2000) NOT NULL DEFAULT '',
    "feedback" VARCHAR(4000),
    "feedback_by_id" UUID,
    "feedback_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "homework_completions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "therapy_sessions" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_minutes" SMALLINT NOT NULL DEFAULT 50,
    "status" "SessionStatus" NOT NULL DEFAULT 'scheduled',
    "location" VARCHAR(300) NOT NULL DEFAULT '',
    "video_url" VARCHAR(500) NOT NULL DEFAULT '',
    "agenda_version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "therapy_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_items" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "text" VARCHAR(2000) NOT NULL,
    "kind" "AgendaItemKind" NOT NULL DEFAULT 'topic',
    "position" INTEGER NOT NULL,
    "status" "AgendaItemStatus" NOT NULL DEFAULT 'open',
    "carried_from_id" UUID,
    "idempotency_key" VARCHAR(64),
    "status_changed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agenda_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_notes" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "kind" "SessionNoteKind" NOT NULL,
    "author_id" UUID NOT NULL,
    "body" VARCHAR(20000) NOT NULL,
    "is_shared_with_therapist" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journal_entries" (
    "id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "body" VARCHAR(20000) NOT NULL,
    "mood" SMALLINT,
    "visibility" "JournalVisibility" NOT NULL DEFAULT 'private',
    "shared_engagement_id" UUID,
    "shared_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "journal_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_feedback" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "felt_heard" SMALLINT NOT NULL,
    "worked_on_wanted" SMALLINT NOT NULL,
    "approach_fit" SMALLINT NOT NULL,
    "overall" SMALLINT NOT NULL,
    "comment" VARCHAR(4000) NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "check_ins" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "session_id" UUID,
    "personal" SMALLINT NOT NULL,
    "relationships" SMALLINT NOT NULL,
    "social" SMALLINT NOT NULL,
    "overall" SMALLINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "check_ins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "link_path" VARCHAR(300) NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "actor_id" UUID,
    "actor_role" "Role",
    "engagement_id" UUID,
    "client_id" UUID,
    "record_type" VARCHAR(40) NOT NULL,
    "record_id" UUID,
    "action" VARCHAR(40) NOT NULL,
    "ip" VARCHAR(64),
    "user_agent" VARCHAR(300),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_throttles" (
    "key" VARCHAR(300) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "auth_throttles_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "engagements_therapist_id_status_idx" ON "engagements"("therapist_id", "status");

-- CreateIndex
CREATE INDEX "engagements_client_id_status_idx" ON "engagements"("client_id", "status");

-- CreateIndex
CREATE INDEX "engagements_ended_by_id_idx" ON "engagements"("ended_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");

-- CreateIndex
CREATE INDEX "invitations_engagement_id_idx" ON "invitations"("engagement_id");

-- CreateIndex
CREATE INDEX "invitations_therapist_id_created_at_idx" ON "invitations"("therapist_id", "created_at");

-- CreateIndex
CREATE INDEX "goals_engagement_id_status_position_idx" ON "goals"("engagement_id", "status", "position");

-- CreateIndex
CREATE INDEX "goals_created_by_id_idx" ON "goals"("created_by_id");

-- CreateIndex
CREATE INDEX "goal_status_changes_goal_id_created_at_idx" ON "goal_status_changes"("goal_id", "created_at");

-- CreateIndex
CREATE INDEX "goal_status_changes_changed_by_id_idx" ON "goal_status_changes"("changed_by_id");

-- CreateIndex
CREATE INDEX "goal_steps_goal_id_position_idx" ON "goal_steps"("goal_id", "position");

-- CreateIndex
CREATE INDEX "goal_steps_done_by_id_idx" ON "goal_steps"("done_by_id");

-- CreateIndex
CREATE INDEX "goal_steps_created_by_id_idx" ON "goal_steps"("created_by_id");

-- CreateIndex
CREATE INDEX "goal_ratings_goal_id_created_at_idx" ON "goal_ratings"("goal_id", "created_at");

-- CreateIndex
CREATE INDEX "goal_ratings_session_id_idx" ON "goal_ratings"("session_id");

-- CreateIndex
CREATE UNIQUE INDEX "goal_ratings_author_id_idempotency_key_key" ON "goal_ratings"("author_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "homework_templates_owner_id_archived_at_idx" ON "homework_templates"("owner_id", "archived_at");

-- CreateIndex
CREATE INDEX "homework_assignments_engagement_id_status_ends_on_idx" ON "homework_assignments"("engagement_id", "status", "ends_on");

-- CreateIndex
CREATE INDEX "homework_assignments_template_id_idx" ON "homework_assignments"("template_id");

-- CreateIndex
CREATE INDEX "homework_assignments_goal_id_idx" ON "homework_assignments"("goal_id");

-- CreateIndex
CREATE INDEX "homework_assignments_assigned_by_id_idx" ON "homework_assignments"("assigned_by_id");

-- CreateIndex
CREATE INDEX "homework_occurrences_assignment_id_due_on_idx" ON "homework_occurrences"("assignment_id", "due_on");

-- CreateIndex
CREATE UNIQUE INDEX "homework_completions_occurrence_id_key" ON "homework_completions"("occurrence_id");

-- CreateIndex
CREATE INDEX "homework_completions_client_id_completed_at_idx" ON "homework_completions"("client_id", "completed_at");

-- CreateIndex
CREATE INDEX "homework_completions_feedback_by_id_idx" ON "homework_completions"("feedback_by_id");

-- CreateIndex
CREATE INDEX "therapy_sessions_engagement_id_starts_at_idx" ON "therapy_sessions"("engagement_id", "starts_at");

-- CreateIndex
CREATE INDEX "therapy_sessions_created_by_id_idx" ON "therapy_sessions"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "agenda_items_carried_from_id_key" ON "agenda_items"("carried_from_id");

-- CreateIndex
CREATE INDEX "agenda_items_session_id_position_idx" ON "agenda_items"("session_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "agenda_items_author_id_idempotency_key_key" ON "agenda_items"("author_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "session_notes_author_id_idx" ON "session_notes"("author_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_notes_session_id_kind_key" ON "session_notes"("session_id", "kind");

-- CreateIndex
CREATE INDEX "journal_entries_client_id_created_at_idx" ON "journal_entries"("client_id", "created_at");

-- CreateIndex
CREATE INDEX "journal_entries_shared_engagement_id_visibility_created_at_idx" ON "journal_entries"("shared_engagement_id", "visibility", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "session_feedback_session_id_key" ON "session_feedback"("session_id");

-- CreateIndex
CREATE INDEX "session_feedback_client_id_created_at_idx" ON "session_feedback"("client_id", "created_at");

-- CreateIndex
CREATE INDEX "check_ins_engagement_id_created_at_idx" ON "check_ins"("engagement_id", "created_at");

-- CreateIndex
CREATE INDEX "check_ins_client_id_idx" ON "check_ins"("client_id");

-- CreateIndex
CREATE INDEX "check_ins_session_id_idx" ON "check_ins"("session_id");

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_created_at_idx" ON "notifications"("user_id", "read_at", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_client_id_created_at_idx" ON "audit_events"("client_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_created_at_idx" ON "audit_events"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_engagement_id_created_at_idx" ON "audit_events"("engagement_id", "created_at");

-- AddForeignKey
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_therapist_id_fkey" FOREIGN KEY ("therapist_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_ended_by_id_fkey" FOREIGN KEY ("ended_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_therapist_id_fkey" FOREIGN KEY ("therapist_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goals" ADD CONSTRAINT "goals_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goals" ADD CONSTRAINT "goals_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal_status_changes" ADD CONSTRAINT "goal_status_changes_goal_id_fkey" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal_status_changes" ADD CONSTRAINT "goal_status_changes_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_goal_id_fkey" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_done_by_id_fkey" FOREIGN KEY ("done_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal_ratings" ADD CONSTRAINT "goal_ratings_goal_id_fkey" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal_ratings" ADD CONSTRAINT "goal_ratings_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal_ratings" ADD CONSTRAINT "goal_ratings_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "therapy_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "homework_templates" ADD CONSTRAINT "homework_templates_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "homework_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_goal_id_fkey" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_assigned_by_id_fkey" FOREIGN KEY ("assigned_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "homework_occurrences" ADD CONSTRAINT "homework_occurrences_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "homework_assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "homework_completions" ADD CONSTRAINT "homework_completions_occurrence_id_fkey" FOREIGN KEY ("occurrence_id") REFERENCES "homework_occurrences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "homework_completions" ADD CONSTRAINT "homework_completions_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "homework_completions" ADD CONSTRAINT "homework_completions_feedback_by_id_fkey" FOREIGN KEY ("feedback_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "therapy_sessions" ADD CONSTRAINT "therapy_sessions_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "therapy_sessions" ADD CONSTRAINT "therapy_sessions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "therapy_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_carried_from_id_fkey" FOREIGN KEY ("carried_from_id") REFERENCES "agenda_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "therapy_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_shared_engagement_id_fkey" FOREIGN KEY ("shared_engagement_id") REFERENCES "engagements"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_feedback" ADD CONSTRAINT "session_feedback_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "therapy_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_feedback" ADD CONSTRAINT "session_feedback_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "therapy_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Audit events are append-only: the application can insert them but never
-- change or remove them (quality.md, item 19).
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "audit_events_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
