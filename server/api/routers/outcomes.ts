import { z } from "zod";
import { practiceOutcomes } from "@/server/practices/outcomes";
import { createTRPCRouter } from "../trpc";
import { own } from "../resources";

export const outcomesRouter = createTRPCRouter({
  /**
   * The practice's de-identified outcomes, for its owner and admins
   * (server/practices/outcomes.ts). Not audited: no client's record is read,
   * only counts, medians and means over at least five clients.
   */
  report: own.query("therapist", z.object({}).strict().optional(), {
    run: ({ ctx }) => practiceOutcomes(ctx.db, ctx.user),
    audit: null,
  }),
});
