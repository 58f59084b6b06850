// Input schemas for web push devices (server/notifications/push.ts). Which
// push services an endpoint may point at is checked on the server, which
// knows its configuration (isAllowedPushEndpoint).
import { z } from "zod";

const KEY_MESSAGE = "This browser's notification keys look wrong. Try turning notifications on again.";

/** What PushSubscription.toJSON() gives, less expirationTime. */
export const ZPushSubscribeSchema = z
  .object({
    endpoint: z
      .url({ protocol: /^https$/, error: "This browser gave an address Alliance can't use for notifications." })
      .max(2048, "This browser gave an address Alliance can't use for notifications."),
    keys: z
      .object({
        p256dh: z.string(KEY_MESSAGE).regex(/^[A-Za-z0-9_-]{80,120}={0,2}$/, KEY_MESSAGE),
        auth: z.string(KEY_MESSAGE).regex(/^[A-Za-z0-9_-]{16,40}={0,2}$/, KEY_MESSAGE),
      })
      .strict(),
  })
  .strict();
export type TPushSubscribe = z.infer<typeof ZPushSubscribeSchema>;

export const ZPushDeviceRefSchema = z.object({ id: z.uuid("That device isn't valid.") }).strict();
