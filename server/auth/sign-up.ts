// A therapist creating their own account (clients join by invitation).
//
// INVARIANTS
// - Nobody learns from Alliance's answers whether an address already has an
//   account: asking (an address alone) answers the same words at the same
//   speed for every address. The request only counts the throttles; the
//   look-up and the e-mail happen after the answer (server/after-answer.ts).
//   A free address gets a link to finish (an email_proofs row); an address
//   with an account gets a note saying so, with the way to sign in. Only
//   whoever reads that inbox learns which.
// - The account is made only by whoever follows the link, and with the name
//   and password they choose there: a stranger can't start an account with
//   someone else's address and a password of their own choosing.
// - Finishing claims the link and creates the user in one transaction; the
//   unique address has the last word, so an account made meanwhile (through
//   another link) turns this link dead, never into a second account.
import { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import { AppError } from "../errors";
import { appUrl } from "../env";
import { now as clockNow } from "../clock";
import { afterAnswer } from "../after-answer";
import { deliverMail } from "../mail/send";
import { renderMail } from "../mail/layout";
import { hashPassword } from "./password";
import { assertPasswordAllowed } from "./password-policy";
import { claimProof, findUsableProof, issueEmailProof, SIGN_UP_LINK_TTL_HOURS } from "./email-proofs";
import { isSignUpLimited, THROTTLE_WINDOW_MINUTES } from "./throttle";
import { SIGN_UP_LINK_DEAD_MESSAGE, type TFinishSignUp } from "../../lib/schemas/account";

export function finishSignUpUrl(token: string): string {
  return `${appUrl()}/sign-up/finish#${token}`;
}

/** Counts the throttles, then answers; what the address gets is decided and sent afterwards. */
export async function requestTherapistSignUp(db: TDb, email: string, ip: string): Promise<void> {
  if (await isSignUpLimited(db, email, ip)) {
    throw new AppError("TOO_MANY_REQUESTS", `Too many tries. Please wait ${THROTTLE_WINDOW_MINUTES} minutes and try again.`);
  }
  afterAnswer("sign-up", () => mailSignUpLink(db, email));
}

async function mailSignUpLink(db: TDb, email: string, now = clockNow()): Promise<void> {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    await deliverMail({
      to: email,
      subject: "You already have an Alliance account",
      ...renderMail({
        paragraphs: [
          "Someone, hopefully you, asked to create a new Alliance account with this address. There is already an account for it, so nothing was created.",
          "Sign in with the link below. If you've forgotten your password, the sign-in page can send you a link to choose a new one. If it wasn't you, you can ignore this e-mail.",
        ],
        action: { label: "Sign in to Alliance", url: `${appUrl()}/sign-in` },
      }),
    });
    return;
  }
  const token = await issueEmailProof(db, {
    purpose: "therapist_sign_up",
    email,
    expiresAt: new Date(now.getTime() + SIGN_UP_LINK_TTL_HOURS * 3_600_000),
  }, now);
  await deliverMail({
    to: email,
    subject: "Finish creating your Alliance account",
    ...renderMail({
      paragraphs: [
        "Someone, hopefully you, started creating a therapist account on Alliance with this address.",
        `Open the link below to choose your name and password. It works once, for ${SIGN_UP_LINK_TTL_HOURS} hours. If it wasn't you, ignore this e-mail: nothing is created.`,
      ],
      action: { label: "Finish creating my account", url: finishSignUpUrl(token) },
    }),
  });
}

/** Whether a link still works, and for which address (shown only to whoever holds the link). */
export async function checkSignUpLink(db: TDb, token: string): Promise<{ isUsable: false } | { isUsable: true; email: string }> {
  const proof = await findUsableProof(db, token, "therapist_sign_up");
  if (!proof || (await db.user.count({ where: { email: proof.email } })) > 0) return { isUsable: false };
  return { isUsable: true, email: proof.email };
}

/** Creates the therapist the link was sent for; returns the address, so the page can sign them in. */
export async function finishTherapistSignUp(db: TDb, input: TFinishSignUp, now = clockNow()): Promise<{ userId: string; email: string }> {
  const dead = () => new AppError("NOT_FOUND", SIGN_UP_LINK_DEAD_MESSAGE);
  const proof = await findUsableProof(db, input.token, "therapist_sign_up", now);
  if (!proof) throw dead();
  await assertPasswordAllowed(input.password, { names: [input.name], email: proof.email }, "password");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      if (!(await claimProof(tx, proof.id, now))) throw dead();
      const user = await tx.user.create({
        data: { email: proof.email, name: input.name, role: "therapist", timeZone: input.timeZone, passwordHash },
        select: { id: true },
      });
      return { userId: user.id, email: proof.email };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw dead();
    throw error;
  }
}
