// The one way server types reach components/ and lib/: what the router takes
// and answers, inferred from it, and the database enums those answers are
// made of. Types only: nothing here is in any page's JavaScript. Lint lets
// this file, and no other below server/, import from server/ (and only these
// two modules, type-only): eslint.config.mjs, "Layers".
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type { AppRouter };
export type { NotificationChannel, NotificationKind, Role } from "@/server/db/generated/enums";

/** What each procedure answers, e.g. RouterOutputs["engagement"]["progress"]. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
/** What each procedure takes. */
export type RouterInputs = inferRouterInputs<AppRouter>;

/** An engagement's questionnaires: running assignments, totals over time, open urgent flags. */
export type TMeasuresOverview = RouterOutputs["engagement"]["progress"]["measures"];
/** One questionnaire's totals over time. */
export type TMeasureSeries = TMeasuresOverview["series"][number];
/** A session as its page shows it, with whose eyes it is seen through. */
export type TSessionView = RouterOutputs["session"]["byId"];

/** The practice's de-identified outcomes (server/practices/outcomes.ts): a row per clinician and the practice's own. */
export type TOutcomeReport = RouterOutputs["outcomes"]["report"];
export type TOutcomeRow = TOutcomeReport["practice"];
export type TOutcomeCell = TOutcomeRow["clientsWithMeasures"];
/** Supervision with the client's consent (issue 29). */
export type TSupervisionView = RouterOutputs["supervision"]["view"];
export type TSupervisionForClient = RouterOutputs["supervision"]["forClient"];
export type TSupervisionMine = RouterOutputs["supervision"]["mine"];
export type TSupervisionForEngagement = RouterOutputs["supervision"]["forEngagement"];
