// Input schemas for handing a client over to another clinician of the
// practice (issue 29): the pages' forms and the procedures share them.
import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "./common";
import { ZEngagementRefSchema } from "./engagement";

import { MAX_HANDOVER_MESSAGE_CHARS } from "../constants/handover";

export { MAX_HANDOVER_MESSAGE_CHARS };

export const ZHandoverRefSchema = z.object({ handoverId: z.uuid("That link isn't valid.") });

export const ZProposeHandoverSchema = ZEngagementRefSchema.extend({
  /** The colleague who would carry on the work. */
  toTherapistId: z.uuid("Choose a colleague."),
  message: z
    .string()
    .trim()
    .max(MAX_HANDOVER_MESSAGE_CHARS, `Keep the message under ${MAX_HANDOVER_MESSAGE_CHARS} characters.`)
    .refine(hasNoNul, NUL_MESSAGE)
    .default(""),
  /** Only the clinician themselves may hand over their private notes; an admin never can. */
  includePrivateNotes: z.boolean().default(false),
}).strict();

export type TProposeHandover = z.output<typeof ZProposeHandoverSchema>;
