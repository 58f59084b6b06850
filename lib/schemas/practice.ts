// Input schemas for a practice (issue 29): its settings, inviting colleagues,
// joining, and the members' changes. The forms and the procedures validate
// with the same objects.
import { z } from "zod";
import { MEASURE_KINDS } from "../measures/instruments";
import { MEASURE_SCHEDULES } from "./measure";
import { ZTimeOfDaySchema } from "./notification";
import { ZEmailSchema, ZNameSchema, ZNewPasswordSchema, ZTimeZoneSchema } from "./account";
import { hasNoNul, NUL_MESSAGE } from "./common";
import { LINK_TOKEN_PATTERN } from "../constants/link-token";
import { INVITABLE_ROLES } from "../constants/practice";

export { INVITABLE_ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, type TInvitableRole } from "../constants/practice";

export const PRACTICE_NAME_MAX = 120;
export const CRISIS_RESOURCES_MAX = 2000;

const ZRoleSchema = z.enum(INVITABLE_ROLES, "Choose a role.");

export const ZPracticeSettingsSchema = z
  .object({
    name: z
      .string({ error: "Give the practice a name." })
      .trim()
      .min(1, "Give the practice a name.")
      .max(PRACTICE_NAME_MAX, `Keep the name under ${PRACTICE_NAME_MAX} characters.`)
      .refine(hasNoNul, NUL_MESSAGE),
    /** Empty: the instance's own text. */
    crisisResources: z
      .string({ error: "Write where to find help in a crisis, or leave it empty." })
      .trim()
      .max(CRISIS_RESOURCES_MAX, `Keep this under ${CRISIS_RESOURCES_MAX} characters.`)
      .refine(hasNoNul, NUL_MESSAGE),
    requireTwoStep: z.boolean({ error: "Say whether everyone must use two-step sign-in." }),
    homeworkReminderAt: ZTimeOfDaySchema,
    hasQuietHours: z.boolean({ error: "Say whether new clients have quiet hours." }),
    quietFrom: z.union([ZTimeOfDaySchema, z.literal("")]).optional(),
    quietUntil: z.union([ZTimeOfDaySchema, z.literal("")]).optional(),
    defaultMeasures: z.array(z.enum(MEASURE_KINDS, "Choose from the questionnaires listed.")).max(MEASURE_KINDS.length, "Choose from the questionnaires listed."),
    defaultMeasureSchedule: z.enum(MEASURE_SCHEDULES, "Choose how often."),
  })
  .strict()
  .superRefine((value, context) => {
    if (!value.hasQuietHours) return;
    if (!value.quietFrom) context.addIssue({ code: "custom", path: ["quietFrom"], message: "Choose when quiet hours start." });
    if (!value.quietUntil) context.addIssue({ code: "custom", path: ["quietUntil"], message: "Choose when quiet hours end." });
    if (value.quietFrom && value.quietFrom === value.quietUntil) {
      context.addIssue({ code: "custom", path: ["quietUntil"], message: "Quiet hours need to end at a different time than they start." });
    }
  });
export type TPracticeSettingsInput = z.infer<typeof ZPracticeSettingsSchema>;

export const ZInviteColleagueSchema = z.object({ name: ZNameSchema, email: ZEmailSchema, role: ZRoleSchema }).strict();
export type TInviteColleague = z.infer<typeof ZInviteColleagueSchema>;

export const ZPracticeInvitationRefSchema = z.object({ invitationId: z.uuid("That invitation link isn't valid.") }).strict();

export const ZMemberRefSchema = z.object({ memberId: z.uuid("That link isn't valid.") }).strict();

export const ZChangeRoleSchema = ZMemberRefSchema.extend({ role: ZRoleSchema }).strict();

/** The joining link's token: 32 random bytes, base64url. */
export const ZJoinTokenSchema = z.string().regex(LINK_TOKEN_PATTERN, "This link isn't complete. Open it again from the e-mail.");

export const ZJoinRefSchema = z.object({ token: ZJoinTokenSchema }).strict();

export const ZJoinAsNewSchema = z
  .object({ token: ZJoinTokenSchema, name: ZNameSchema, password: ZNewPasswordSchema, timeZone: ZTimeZoneSchema })
  .strict();
export type TJoinAsNew = z.infer<typeof ZJoinAsNewSchema>;
