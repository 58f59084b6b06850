// The demo practice's sign-ins (prisma/seed/demo.ts seeds them): shown on the
// sign-in page in DEMO_MODE and printed by `npm start`. Made-up people.
export const DEMO_PASSWORD = "alliance-demo-2026";

export const DEMO_ACCOUNTS = [
  { role: "therapist", email: "therapist@demo.alliance.test", name: "Dr. Ana Okafor" },
  { role: "client", email: "maya@demo.alliance.test", name: "Maya Lindqvist" },
  { role: "client", email: "sam@demo.alliance.test", name: "Sam Torres" },
  { role: "client", email: "priya@demo.alliance.test", name: "Priya Nair" },
] as const;

export const DEMO_FORMER_THERAPIST = { role: "therapist", email: "lee@demo.alliance.test", name: "Dr. Lee Moreau" } as const;

/**
 * The demo therapist's colleagues in her practice (issue 29): a clinician with
 * a client of his own, and a supervisor. Same password; made-up people.
 */
export const DEMO_COLLEAGUES = [
  { role: "therapist", email: "tomas@demo.alliance.test", name: "Dr. Tomás Reyes", practiceRole: "clinician" },
  { role: "therapist", email: "hana@demo.alliance.test", name: "Dr. Hana Ito", practiceRole: "supervisor" },
] as const;

/** The clinician colleague's client, who has just started. */
export const DEMO_COLLEAGUE_CLIENT = { role: "client", email: "jordan@demo.alliance.test", name: "Jordan Blake" } as const;

export const DEMO_PRACTICE_NAME = "Okafor & Colleagues";
