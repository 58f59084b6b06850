import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Two-step sign-in" };

/**
 * What two-step sign-in is and what it takes, in one page, with the switch
 * itself at the bottom. Where a therapist who must turn it on lands after
 * signing in (server/auth/totp.ts, TWO_FACTOR_SETUP_PATH), so it is open to
 * them before they have.
 */
export default async function TwoStepPage() {
  const user = await requireUser({ returnTo: "/account/two-step", allowWithoutTwoFactor: true });
  const isTherapist = user.role === "therapist";
  // The switch at the bottom (TwoFactorSection) renders with this, making no request of its own.
  await getQueryClient().prefetchQuery(trpc.twoFactor.status.queryOptions());
  return (
    <HydrateClient>
      <h1 className="text-2xl font-semibold">Two-step sign-in</h1>
      <Card title="What it is">
        <div className="flex flex-col gap-3">
          <p>
            After your password, Alliance asks for a 6-digit code from an app on your phone. The code changes every 30
            seconds, so someone who learns your password still can&apos;t sign in as you.
          </p>
          {isTherapist ? (
            <p>
              Alliance asks therapists to use it because you can see what your clients write at their most private. Passwords
              get reused, guessed and leaked; your phone in your pocket is much harder to steal from a distance.
            </p>
          ) : (
            <p>It&apos;s your choice. If you ever share a computer or reuse passwords, it&apos;s a good way to keep your writing yours.</p>
          )}
        </div>
      </Card>
      <Card title="What you need">
        <ul className="list-disc space-y-1 pl-5">
          <li>
            A phone with an authenticator app, for example Google Authenticator, Microsoft Authenticator, 1Password or Aegis.
            They are free.
          </li>
          <li>No phone number: nothing is sent to your phone, and Alliance never sees which app you use.</li>
          <li>A few minutes, and somewhere safe to keep ten recovery codes (a password manager, or a printed page).</li>
        </ul>
      </Card>
      <Card title="How it goes">
        <ol className="list-decimal space-y-1 pl-5">
          <li>Enter your password, to show it&apos;s you.</li>
          <li>Scan the QR code with the app (or type the key it shows).</li>
          <li>Type the 6-digit code the app shows for Alliance.</li>
          <li>Save your ten recovery codes. Each one lets you in once if you don&apos;t have your phone.</li>
        </ol>
        <p className="mt-3">From then on, signing in takes your password and the code the app shows at that moment.</p>
      </Card>
      <Card title="If you lose your phone">
        <p>
          Sign in with one of your recovery codes instead of a code, then turn two-step sign-in off and on again with your new
          phone. If you have lost the codes too, contact whoever runs Alliance for your practice. We send you an e-mail after
          every change to how you sign in, so you would hear if anyone else tried.
        </p>
      </Card>
      <TwoFactorSection hasExplainerLink={false} />
      <p>
        <Link href="/account" className="text-brand-strong underline">
          Back to your account
        </Link>
      </p>
    </HydrateClient>
  );
}
