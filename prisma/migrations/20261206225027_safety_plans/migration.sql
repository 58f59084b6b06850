-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'safety_plan_updated_by_client';
ALTER TYPE "NotificationKind" ADD VALUE 'safety_plan_updated_by_therapist';

-- CreateTable
CREATE TABLE "safety_plans" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "content" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "safety_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "safety_plan_versions" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "author_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "safety_plan_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "safety_plans_engagement_id_key" ON "safety_plans"("engagement_id");

-- CreateIndex
CREATE INDEX "safety_plans_updated_by_id_idx" ON "safety_plans"("updated_by_id");

-- CreateIndex
CREATE INDEX "safety_plan_versions_author_id_idx" ON "safety_plan_versions"("author_id");

-- CreateIndex
CREATE UNIQUE INDEX "safety_plan_versions_plan_id_version_key" ON "safety_plan_versions"("plan_id", "version");

-- AddForeignKey
ALTER TABLE "safety_plans" ADD CONSTRAINT "safety_plans_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "safety_plans" ADD CONSTRAINT "safety_plans_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "safety_plan_versions" ADD CONSTRAINT "safety_plan_versions_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "safety_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "safety_plan_versions" ADD CONSTRAINT "safety_plan_versions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

