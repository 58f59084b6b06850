import { z } from "zod";
import { ZNotificationListSchema, ZNotificationRefSchema, ZUpdateNotificationPreferencesSchema } from "@/lib/schemas/notification";
import { listNotifications, markAllRead, markRead, unreadCount } from "@/server/notifications/inbox";
import { getPreferences, updatePreferences } from "@/server/notifications/choices";
import { authedProcedure, createTRPCRouter } from "../trpc";

const ZNoInput = z.object({}).strict().optional();

/** Everyone's own notifications and choices: ids come from the session, never from input. */
export const notificationsRouter = createTRPCRouter({
  list: authedProcedure.input(ZNotificationListSchema).query(({ ctx, input }) => listNotifications(ctx.db, ctx.user, input.cursor)),

  unreadCount: authedProcedure.input(ZNoInput).query(async ({ ctx }) => ({ count: await unreadCount(ctx.db, ctx.user) })),

  markRead: authedProcedure.input(ZNotificationRefSchema).mutation(async ({ ctx, input }) => {
    await markRead(ctx.db, ctx.user, input.id);
    return { ok: true as const };
  }),

  markAllRead: authedProcedure.input(ZNoInput).mutation(({ ctx }) => markAllRead(ctx.db, ctx.user)),

  preferences: authedProcedure.input(ZNoInput).query(({ ctx }) => getPreferences(ctx.db, ctx.user)),

  updatePreferences: authedProcedure.input(ZUpdateNotificationPreferencesSchema).mutation(async ({ ctx, input }) => {
    await updatePreferences(ctx.db, ctx.user, input);
    return getPreferences(ctx.db, ctx.user);
  }),
});
