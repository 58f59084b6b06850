// Who is in the demo practice: their sign-ins are server/auth/demo-accounts.ts
// (the sign-in page lists them; e2e/fixtures.ts signs in as them).
import { DEMO_ACCOUNTS, DEMO_COLLEAGUE_CLIENT, DEMO_COLLEAGUES, DEMO_FORMER_THERAPIST } from "@/server/auth/demo-accounts";

export const [DEMO_THERAPIST, DEMO_MAYA, DEMO_SAM, DEMO_PRIYA] = DEMO_ACCOUNTS;

export type TDemoAccount = { role: "therapist" | "client"; email: string; name: string };
export type TDemoClientAccount = (typeof DEMO_ACCOUNTS)[1 | 2 | 3];

export type TDemoTherapist = { account: TDemoAccount; timeZone: string; joinedDaysAgo: number };

/** The therapist every current story is with; sessions are on her clock. */
export const THERAPIST: TDemoTherapist = { account: DEMO_THERAPIST, timeZone: "Europe/London", joinedDaysAgo: 400 };
/** Priya's earlier therapist (./priya.ts). */
export const FORMER_THERAPIST: TDemoTherapist = { account: DEMO_FORMER_THERAPIST, timeZone: "Europe/Paris", joinedDaysAgo: 900 };
/** The demo therapist's colleagues (issue 29): Tomás in Madrid, Hana in London. */
export const COLLEAGUES: (TDemoTherapist & { practiceRole: "clinician" | "supervisor" })[] = [
  { account: DEMO_COLLEAGUES[0], timeZone: "Europe/Madrid", joinedDaysAgo: 120, practiceRole: DEMO_COLLEAGUES[0].practiceRole },
  { account: DEMO_COLLEAGUES[1], timeZone: "Europe/London", joinedDaysAgo: 200, practiceRole: DEMO_COLLEAGUES[1].practiceRole },
];
/** Tomás's client, a few days in: nothing written yet but the start. */
export const COLLEAGUE_CLIENT = { account: DEMO_COLLEAGUE_CLIENT, timeZone: "Europe/Madrid", joinedDaysAgo: 3 };
