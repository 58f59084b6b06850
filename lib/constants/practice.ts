// A practice's roles in words (issue 29), for pages and e-mails: no zod here,
// so a page that only shows them doesn't download the schemas.
/** The roles an owner or admin can give; the owner's is never given, only started with. */
export const INVITABLE_ROLES = ["admin", "clinician", "supervisor"] as const;
export type TInvitableRole = (typeof INVITABLE_ROLES)[number];

export const ROLE_LABELS: Record<"owner" | TInvitableRole, string> = {
  owner: "Owner",
  admin: "Admin",
  clinician: "Clinician",
  supervisor: "Supervisor",
};

export const ROLE_DESCRIPTIONS: Record<"owner" | TInvitableRole, string> = {
  owner: "Runs the practice and works with their own clients.",
  admin: "Runs the practice: settings and colleagues. Sees no client's records.",
  clinician: "Works with their own clients.",
  supervisor: "Works with their own clients, and supports colleagues' work when a client agrees.",
};
