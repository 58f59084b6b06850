// Who is in the demo practice, and how they sign in (README, "Try it"; the
// sign-in page lists them; e2e/fixtures.ts signs in as them).
export const DEMO_PASSWORD = "alliance-demo-2026";

export const DEMO_ACCOUNTS = [
  { role: "therapist", email: "therapist@demo.alliance.test", name: "Dr. Ana Okafor" },
  { role: "client", email: "maya@demo.alliance.test", name: "Maya Lindqvist" },
  { role: "client", email: "sam@demo.alliance.test", name: "Sam Torres" },
  { role: "client", email: "priya@demo.alliance.test", name: "Priya Nair" },
] as const;

export const DEMO_FORMER_THERAPIST = { role: "therapist", email: "lee@demo.alliance.test", name: "Dr. Lee Moreau" } as const;

export const [DEMO_THERAPIST, DEMO_MAYA, DEMO_SAM, DEMO_PRIYA] = DEMO_ACCOUNTS;

export type TDemoAccount = { role: "therapist" | "client"; email: string; name: string };
export type TDemoClientAccount = (typeof DEMO_ACCOUNTS)[1 | 2 | 3];

export type TDemoTherapist = { account: TDemoAccount; timeZone: string; joinedDaysAgo: number };

/** The therapist every current story is with; sessions are on her clock. */
export const THERAPIST: TDemoTherapist = { account: DEMO_THERAPIST, timeZone: "Europe/London", joinedDaysAgo: 400 };
/** Priya's earlier therapist (./priya.ts). */
export const FORMER_THERAPIST: TDemoTherapist = { account: DEMO_FORMER_THERAPIST, timeZone: "Europe/Paris", joinedDaysAgo: 900 };
