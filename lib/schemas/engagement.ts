import { z } from "zod";

/**
 * Names an engagement. Concrete inputs extend it and are `.strict()`; this
 * base parser strips, so the factory's reference and the procedure's input merge.
 */
export const ZEngagementRefSchema = z.object({ engagementId: z.uuid("That link isn't valid.") });
