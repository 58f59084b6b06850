-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "link_secret" TEXT NOT NULL DEFAULT '';

