import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { needsTwoFactorEnrolment } from "@/server/auth/totp";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/server/api/rsc";
import { listTimeZones } from "@/lib/time/zones";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { NotificationPreferencesForm } from "@/components/account/notification-preferences-form";
import { PushDevicesSection } from "@/components/account/push-devices-section";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { DeleteAccountSection } from "@/components/account/delete-account-section";
import { ChangeEmailForm } from "@/components/account/change-email-form";
import { ExportSection } from "@/components/account/export-section";
import { SessionsSection } from "@/components/account/sessions-section";
import { MessagePauseForm } from "@/components/messages/pause-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser({ returnTo: "/account", allowWithoutTwoFactor: true });
  const queryClient = getQueryClient();
  // A therapist's pause on messages; not before a required two-step sign-in is on (the API refuses it until then).
  const hasMessagePause = user.role === "therapist" && !needsTwoFactorEnrolment(user);
  // What deleting would mean is drawn here on the server: not sent to the browser.
  const [deletionSummary] = await Promise.all([
    serverCaller().then((caller) => caller.account.deletionSummary()),
    queryClient.prefetchQuery(trpc.account.me.queryOptions()),
    queryClient.prefetchQuery(trpc.account.otherSessions.queryOptions()),
    queryClient.prefetchQuery(trpc.notifications.preferences.queryOptions()),
    queryClient.prefetchQuery(trpc.push.list.queryOptions()),
    queryClient.prefetchQuery(trpc.twoFactor.status.queryOptions()),
    hasMessagePause ? queryClient.prefetchQuery(trpc.message.pause.queryOptions()) : null,
  ]);
  return (
    <HydrateClient>
      <h1 className="text-2xl font-semibold">Account</h1>
      <p>
        <Link href="/privacy" className="text-brand-strong underline">
          How your information is kept
        </Link>
      </p>
      {user.role === "client" ? (
        <p>
          <Link href="/record-sharing" className="text-brand-strong underline">
            Sharing your records with a supervisor
          </Link>
        </p>
      ) : null}
      <Card title="About you">
        <ProfileForm timeZones={listTimeZones()} />
      </Card>
      <Card title="Reminders and notifications">
        <NotificationPreferencesForm />
      </Card>
      <div id="devices" className="scroll-mt-4">
        <Card title="Notifications on your devices">
          <PushDevicesSection />
        </Card>
      </div>
      {hasMessagePause ? (
        <Card title="Pause messages">
          <MessagePauseForm timeZone={user.timeZone} />
        </Card>
      ) : null}
      <Card title="Sign-in e-mail"><ChangeEmailForm email={user.email} /></Card>
      <Card title="Password">
        <ChangePasswordForm email={user.email} />
      </Card>
      <Card title="Signed in elsewhere"><SessionsSection /></Card>
      <TwoFactorSection />
      <ExportSection role={user.role} />
      <DeleteAccountSection summary={deletionSummary} />
    </HydrateClient>
  );
}
