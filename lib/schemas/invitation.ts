import { z } from "zod";
import { ZEmailSchema, ZNameSchema, ZNewPasswordSchema, ZTimeZoneSchema } from "./account";
import { LINK_TOKEN_PATTERN } from "../constants/link-token";

/** 32 random bytes, base64url: exactly 43 characters. */
export const ZInvitationTokenSchema = z
  .string()
  .regex(LINK_TOKEN_PATTERN, "This invitation link isn't complete. Try copying it again.");

export const ZCreateInvitationSchema = z
  .object({
    name: ZNameSchema,
    email: ZEmailSchema,
  })
  .strict();
export type TCreateInvitation = z.infer<typeof ZCreateInvitationSchema>;

/** The proof from the e-mailed link's fragment (server/auth/email-proofs.ts). */
export const ZInvitationProofSchema = z.string().regex(LINK_TOKEN_PATTERN, "Open the link from the invitation e-mail again.");

export const ZOpenInvitationSchema = z.object({ token: ZInvitationTokenSchema, proof: ZInvitationProofSchema }).strict();

export const ZAcceptInvitationNewSchema = z
  .object({
    token: ZInvitationTokenSchema,
    proof: ZInvitationProofSchema,
    name: ZNameSchema,
    password: ZNewPasswordSchema,
    timeZone: ZTimeZoneSchema,
  })
  .strict();
export type TAcceptInvitationNew = z.infer<typeof ZAcceptInvitationNewSchema>;

export const ZInvitationRefSchema = z.object({ token: ZInvitationTokenSchema }).strict();
