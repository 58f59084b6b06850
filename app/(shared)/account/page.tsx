import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { listTimeZones } from "@/lib/time-zones";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser({ returnTo: "/account" });
  await getQueryClient().prefetchQuery(trpc.account.me.queryOptions());
  return (
    <HydrateClient>
      <h1 className="text-2xl font-semibold">Account</h1>
      <Card title="About you">
        <ProfileForm timeZones={listTimeZones()} />
      </Card>
      <Card title="Password">
        <ChangePasswordForm email={user.email} />
      </Card>
    </HydrateClient>
  );
}
