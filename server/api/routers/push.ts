import { z } from "zod";
import { ZPushDeviceRefSchema, ZPushSubscribeSchema } from "@/lib/schemas/push";
import { listDevices, removeDevice, subscribeDevice, vapidKeys } from "@/server/notifications/push";
import { authedProcedure, createTRPCRouter } from "../trpc";

const ZNoInput = z.object({}).strict().optional();

/** A person's own devices for web push: ids come from the session, never from input. */
export const pushRouter = createTRPCRouter({
  publicKey: authedProcedure.input(ZNoInput).query(async ({ ctx }) => ({ publicKey: (await vapidKeys(ctx.db)).publicKey })),

  subscribe: authedProcedure.input(ZPushSubscribeSchema).mutation(async ({ ctx, input }) => {
    await subscribeDevice(ctx.db, ctx.user, input, { sessionId: ctx.sessionId ?? null, userAgent: ctx.meta.userAgent });
    return listDevices(ctx.db, ctx.user);
  }),

  list: authedProcedure.input(ZNoInput).query(({ ctx }) => listDevices(ctx.db, ctx.user)),

  remove: authedProcedure.input(ZPushDeviceRefSchema).mutation(async ({ ctx, input }) => {
    await removeDevice(ctx.db, ctx.user, input.id);
    return listDevices(ctx.db, ctx.user);
  }),
});
