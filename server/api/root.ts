import { accountRouter } from "./routers/account";
import { authRouter } from "./routers/auth";
import { engagementRouter } from "./routers/engagement";
import { goalRouter } from "./routers/goal";
import { homeworkRouter } from "./routers/homework";
import { homeworkTemplateRouter } from "./routers/homework-template";
import { exerciseRouter } from "./routers/exercise";
import { sessionRouter } from "./routers/session";
import { agendaRouter } from "./routers/agenda";
import { journalRouter } from "./routers/journal";
import { voiceMemoRouter } from "./routers/voice-memo";
import { messageRouter } from "./routers/message";
import { safetyPlanRouter } from "./routers/safety-plan";
import { feedbackRouter } from "./routers/feedback";
import { measureRouter } from "./routers/measure";
import { invitationRouter } from "./routers/invitation";
import { notificationsRouter } from "./routers/notifications";
import { pushRouter } from "./routers/push";
import { twoFactorRouter } from "./routers/two-factor";
import { dataExportRouter } from "./routers/data-export";
import { accessLogRouter } from "./routers/access-log";
import { outcomesRouter } from "./routers/outcomes";
import { handoverRouter } from "./routers/handover";
import { practiceRouter } from "./routers/practice";
import { supervisionRouter } from "./routers/supervision";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  account: accountRouter,
  engagement: engagementRouter,
  invitation: invitationRouter,
  goal: goalRouter,
  homework: homeworkRouter,
  homeworkTemplate: homeworkTemplateRouter,
  exercise: exerciseRouter,
  session: sessionRouter,
  agenda: agendaRouter,
  journal: journalRouter,
  voiceMemo: voiceMemoRouter,
  message: messageRouter,
  safetyPlan: safetyPlanRouter,
  feedback: feedbackRouter,
  measure: measureRouter,
  notifications: notificationsRouter,
  outcomes: outcomesRouter,
  push: pushRouter,
  twoFactor: twoFactorRouter,
  dataExport: dataExportRouter,
  accessLog: accessLogRouter,
  handover: handoverRouter,
  practice: practiceRouter,
  supervision: supervisionRouter,
});

export type AppRouter = typeof appRouter;

type IsAny<T> = 0 extends 1 & T ? true : false;
type TOutputs = inferRouterOutputs<AppRouter>;
type TInputs = inferRouterInputs<AppRouter>;
/** Paths of procedures whose output or input lost its type (e.g. an `audit` written before `run`). */
type TUntyped = {
  [R in keyof TOutputs]: {
    [P in keyof TOutputs[R]]: IsAny<TOutputs[R][P]> extends true ? `${R & string}.${P & string}` : IsAny<TInputs[R][P & keyof TInputs[R]]> extends true ? `${R & string}.${P & string}` : never;
  }[keyof TOutputs[R]];
}[keyof TOutputs];
// Fails to compile, naming the procedure, when one of them is untyped: the browser would get `any`.
const everyProcedureIsTyped: [TUntyped] extends [never] ? true : TUntyped = true;
void everyProcedureIsTyped;

export const createCaller = createCallerFactory(appRouter);

/** Procedures a signed-out visitor may call (docs/security-and-privacy.md, S1). */
export const PUBLIC_PROCEDURES = ["auth.signUp", "auth.checkSignUpLink", "auth.finishSignUp", "invitation.preview", "invitation.open", "invitation.emailLink", "invitation.acceptNew", "auth.requestPasswordReset", "auth.checkResetToken", "auth.resetPassword", "account.confirmEmailChange", "practice.checkJoinLink", "practice.joinNew"] as const;
