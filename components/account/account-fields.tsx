"use client";

import { useState } from "react";
import { PASSWORD_MIN_LENGTH } from "@/lib/constants/account";
import { SelectField, TextField } from "@/components/ui/field";

export function NewPasswordField({ label, name, errors }: { label: string; name: string; errors?: string[] }) {
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words work well, without your name or email.`}
      errors={errors}
    />
  );
}

/** The password someone has now, asked for to make sure it's them before a change. */
export function CurrentPasswordField({
  label,
  name,
  hint,
  errors,
}: {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
}) {
  return <TextField label={label} hint={hint} name={name} type="password" autoComplete="current-password" errors={errors} />;
}

/** Preselects the browser's own zone for someone new; `value` for an existing account. */
export function TimeZoneField({ timeZones, value, errors }: { timeZones: string[]; value?: string; errors?: string[] }) {
  const [browserZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  const initial = value ?? browserZone;
  return (
    <SelectField
      label="Time zone"
      name="timeZone"
      options={timeZones}
      defaultValue={timeZones.includes(initial) ? initial : "UTC"}
      hint="Session times and due dates are shown in this zone."
      errors={errors}
    />
  );
}
