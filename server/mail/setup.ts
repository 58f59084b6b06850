// Whether a starting process may run with the mail settings it has.
//
// INVARIANT: a real installation (DATABASE_URL set, not DEMO_MODE) sends its
// e-mail or says where it keeps it. Without SMTP_URL every message (an
// invitation, a password reset link, a reminder) is written to a folder on
// the server and nobody receives it; that is right for the demo, the tests
// and an operator who chose it, and a silent failure for everyone else. So
// `npm start` and `npm run worker` refuse to start unless SMTP_URL is set or
// MAIL_OUTBOX_DIR was set explicitly (its default doesn't count).
import { getEnv, isMailOutboxDirSet, type TEnv } from "../env";

export type TMailSetup = {
  /** DATABASE_URL is set. */
  hasDatabaseUrl: boolean;
  /** DEMO_MODE is on (made-up people: nothing real to send). */
  isDemo: boolean;
  hasSmtpUrl: boolean;
  /** MAIL_OUTBOX_DIR set explicitly, not its default. */
  isOutboxChosen: boolean;
};

export const MAIL_NOT_SET_UP =
  "Set SMTP_URL so that Alliance can send invitations, password resets and reminders, or set MAIL_OUTBOX_DIR to keep every e-mail as a file on purpose (see .env.example).";

/** The sentence to stop with, or null when the process may start. */
export function mailSetupRefusal(setup: TMailSetup): string | null {
  const isRealInstallation = setup.hasDatabaseUrl && !setup.isDemo;
  if (!isRealInstallation || setup.hasSmtpUrl || setup.isOutboxChosen) return null;
  return MAIL_NOT_SET_UP;
}

/** This process's settings, as the rule reads them. */
export function mailSetupFromEnv(env: TEnv = getEnv()): TMailSetup {
  return {
    hasDatabaseUrl: Boolean(env.DATABASE_URL),
    isDemo: env.DEMO_MODE === true,
    hasSmtpUrl: Boolean(env.SMTP_URL),
    isOutboxChosen: isMailOutboxDirSet(),
  };
}
