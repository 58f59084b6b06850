"use client";

// The practice's people: everyone's name and role; for an owner or admin,
// changing a role, deactivating an account (with a confirmation), the
// invitations still waiting and the form to invite a colleague; for anyone
// but an owner with colleagues, leaving.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { INVITABLE_ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, type TInvitableRole } from "@/lib/constants/practice";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SelectField, TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { DateTime } from "@/components/ui/date-time";
import { useFormSubmit } from "@/components/ui/use-form-submit";

export function PracticePeople({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: practice } = useSuspenseQuery(trpc.practice.overview.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.practice.pathKey() });
  const changeRole = useMutation(trpc.practice.changeRole.mutationOptions({ onSuccess: refresh }));
  const deactivate = useMutation(trpc.practice.deactivate.mutationOptions({ onSuccess: refresh }));
  const withdraw = useMutation(trpc.practice.withdrawInvitation.mutationOptions({ onSuccess: refresh }));
  const leave = useMutation(trpc.practice.leave.mutationOptions());
  const error = changeRole.error ?? withdraw.error;
  const others = practice.members.filter((member) => !member.isYou).length;
  const canLeave = practice.practiceId !== null && (practice.myRole !== "owner" || others === 0);

  return (
    <>
      <Card title="People">
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        <ul className="flex flex-col divide-y divide-line" aria-label="People in the practice">
          {practice.members.map((member) => (
            <li key={member.userId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="font-medium">
                  {member.name}
                  {member.isYou ? <span className="text-ink-muted"> (you)</span> : null}
                </p>
                <p className="text-sm text-ink-muted">
                  {ROLE_LABELS[member.role]}: {ROLE_DESCRIPTIONS[member.role]}
                </p>
              </div>
              {practice.runsPractice && !member.isYou && member.role !== "owner" && member.memberId ? (
                <div className="flex flex-wrap items-center gap-2">
                  <label className="sr-only" htmlFor={`role-${member.memberId}`}>
                    Role of {member.name}
                  </label>
                  <select
                    id={`role-${member.memberId}`}
                    className="min-h-11 rounded-lg border border-line bg-surface px-3 py-2"
                    value={member.role}
                    disabled={changeRole.isPending}
                    onChange={(event) => changeRole.mutate({ memberId: member.memberId!, role: event.target.value as TInvitableRole })}
                  >
                    {INVITABLE_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                  <ConfirmButton
                    label="Deactivate"
                    title={`Deactivate ${member.name}'s account?`}
                    description={
                      <>
                        They are signed out everywhere at once and can&apos;t sign in again. They leave the practice; their clients&apos;
                        records stay as they are.
                      </>
                    }
                    confirmLabel="Deactivate their account"
                    variant="danger"
                    onConfirm={async () => {
                      await deactivate.mutateAsync({ memberId: member.memberId! });
                    }}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {practice.runsPractice && practice.practiceId && practice.myRole === "owner" && others === 0 ? (
          <p className="mt-3 text-sm text-ink-muted">It&apos;s just you for now. Invite a colleague below.</p>
        ) : null}
      </Card>

      {practice.runsPractice ? (
        <Card title="Invite a colleague">
          <InviteColleagueForm onInvited={refresh} />
          <h3 className="mt-6 mb-2 font-semibold">Invitations waiting</h3>
          {practice.invitations.length === 0 ? (
            <EmptyState>No invitations are waiting.</EmptyState>
          ) : (
            <ul className="flex flex-col divide-y divide-line" aria-label="Invitations waiting">
              {practice.invitations.map((invitation) => (
                <li key={invitation.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div>
                    <p className="font-medium">
                      {invitation.name} <span className="text-ink-muted">({invitation.email})</span>
                    </p>
                    <p className="text-sm text-ink-muted">
                      {ROLE_LABELS[invitation.role]} ·{" "}
                      {invitation.isExpired ? (
                        "expired: withdraw it and invite them again"
                      ) : (
                        <>
                          the link works until <DateTime at={invitation.expiresAt} timeZone={timeZone} />
                        </>
                      )}
                    </p>
                  </div>
                  <Button variant="secondary" disabled={withdraw.isPending} onClick={() => withdraw.mutate({ invitationId: invitation.id })}>
                    Withdraw
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}

      {canLeave ? (
        <Card title="Leave the practice">
          <p className="mb-3 text-ink-muted">
            {practice.myRole === "owner"
              ? "You're the only one here. Leaving closes the practice; you keep your account and your clients."
              : "You keep your account and your clients; you stop seeing the practice and its people."}
          </p>
          <ConfirmButton
            label="Leave the practice"
            title={`Leave ${practice.name}?`}
            description="You keep your account and your clients. To come back, someone who runs the practice would invite you again."
            confirmLabel="Leave"
            onConfirm={async () => {
              await leave.mutateAsync(undefined);
              router.push("/caseload");
            }}
          />
        </Card>
      ) : null}
    </>
  );
}

function InviteColleagueForm({ onInvited }: { onInvited: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const invite = useMutation(trpc.practice.invite.mutationOptions({ onSuccess: onInvited }));
  const [sent, setSent] = useState<{ name: string; email: string; delivery: "queued" | "outbox" }>();
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/practice").then((schemas) => schemas.ZInviteColleagueSchema),
    onStart: () => setSent(undefined),
    mutate: (input) => invite.mutateAsync(input),
    onSuccess: (result, input, form) => {
      setSent({ name: input.name, email: input.email, delivery: result.delivery });
      form.reset();
    },
  });
  return (
    <div className="flex flex-col gap-4">
      {sent ? (
        <Alert tone="success">
          {sent.delivery === "queued"
            ? `We're e-mailing ${sent.name} a link to join at ${sent.email}. It works once, for 7 days.`
            : `${sent.name}'s invitation is in this server's outbox folder (no mail server is set up). The link works once, for 7 days.`}
        </Alert>
      ) : null}
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Invite a colleague">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Their name" name="name" autoComplete="off" errors={errors.fieldErrors.name} />
          <TextField label="Their e-mail" name="email" type="email" autoComplete="off" errors={errors.fieldErrors.email} />
        </div>
        <SelectField
          label="Role"
          name="role"
          options={INVITABLE_ROLES}
          labels={ROLE_LABELS}
          defaultValue="clinician"
          hint="Admins run the practice and see no client's records. Clinicians and supervisors work with their own clients."
          errors={errors.fieldErrors.role}
        />
        <SubmitButton pendingLabel="Inviting…" className="self-start">
          Send the invitation
        </SubmitButton>
      </Form>
    </div>
  );
}
