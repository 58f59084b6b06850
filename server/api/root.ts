import { accountRouter } from "./routers/account";
import { authRouter } from "./routers/auth";
import { engagementRouter } from "./routers/engagement";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  account: accountRouter,
  engagement: engagementRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

/** Procedures a signed-out visitor may call (quality.md, item 1). */
export const PUBLIC_PROCEDURES = ["auth.signUp"] as const;
