// Client-safe input for deleting one's own account: the form and the
// procedure check the same object.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "./account";
export { FORMER_CLIENT_NAME, FORMER_THERAPIST_NAME } from "../constants/account-deletion";

export const ZDeleteAccountSchema = z
  .object({
    password: z
      .string({ error: "Enter your password." })
      .min(1, "Enter your password to confirm.")
      .max(PASSWORD_MAX_LENGTH, "That password is too long."),
  })
  .strict();
export type TDeleteAccount = z.infer<typeof ZDeleteAccountSchema>;

