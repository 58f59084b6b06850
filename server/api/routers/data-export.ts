import { z } from "zod";
import { audit, auditOn } from "@/server/audit/record";
import { buildClientExport } from "@/server/export/client-export";
import { buildEngagementExport, buildTemplateExport } from "@/server/export/therapist-export";
import { clientProcedure, createTRPCRouter, engagementProcedure, onlyTherapist, therapistProcedure, ZEngagementRefSchema } from "../trpc";

const ZNoInput = z.object({}).strict().optional();

// Exports (server/export/): the shapes are documented there. The JSON
// downloads (server/api/export-download.ts, app/api/account/export, app/api/engagements/[id]/export,
// app/api/account/templates-export) and the printable page call these.
export const dataExportRouter = createTRPCRouter({
  /** Everything about the signed-in client; never a therapist's private note. */
  mine: clientProcedure.input(ZNoInput).query(async ({ ctx }) => {
    const data = await buildClientExport(ctx.db, ctx.user);
    await audit(ctx, { action: "export", recordType: "client_export", clientId: ctx.user.id });
    return data;
  }),

  /** One client's record for their therapist, private notes included and marked. */
  engagement: engagementProcedure
    .use(onlyTherapist)
    .input(ZEngagementRefSchema.strict())
    .query(async ({ ctx }) => {
      const data = await buildEngagementExport(ctx.db, ctx.user, ctx.engagement.id);
      await auditOn(ctx, ctx.engagement, "export", "engagement_export", ctx.engagement.id);
      return data;
    }),

  /** The therapist's own template library. */
  templates: therapistProcedure.input(ZNoInput).query(async ({ ctx }) => {
    const data = await buildTemplateExport(ctx.db, ctx.user);
    await audit(ctx, { action: "export", recordType: "template_library" });
    return data;
  }),
});
