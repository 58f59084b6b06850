-- CreateEnum
CREATE TYPE "EmailProofPurpose" AS ENUM ('therapist_sign_up', 'invitation');

-- CreateTable
CREATE TABLE "email_proofs" (
    "id" UUID NOT NULL,
    "purpose" "EmailProofPurpose" NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "invitation_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_proofs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_proofs_token_hash_key" ON "email_proofs"("token_hash");

-- CreateIndex
CREATE INDEX "email_proofs_email_idx" ON "email_proofs"("email");

-- CreateIndex
CREATE INDEX "email_proofs_invitation_id_idx" ON "email_proofs"("invitation_id");

-- AddForeignKey
ALTER TABLE "email_proofs" ADD CONSTRAINT "email_proofs_invitation_id_fkey" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

