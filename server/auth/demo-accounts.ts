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
