import { z } from "zod";
import { ZEngagementRefSchema } from "@/lib/schemas/engagement";
import { buildClientExport } from "@/server/export/client-export";
import { buildEngagementExport, buildTemplateExport } from "@/server/export/therapist-export";
import { createTRPCRouter } from "../trpc";
import { engagement, own } from "../resources";

const ZNoInput = z.object({}).strict().optional();

// Exports (server/export/): the shapes are documented there. The JSON
// downloads (server/api/export-download.ts, app/api/account/export, app/api/engagements/[id]/export,
// app/api/account/templates-export) and the printable page call these.
export const dataExportRouter = createTRPCRouter({
  /** Everything about the signed-in client; never a therapist's private note. */
  mine: own.query("client", ZNoInput, {
    run: ({ ctx }) => buildClientExport(ctx.db, ctx.user),
    audit: { action: "export", recordType: "client_export" },
  }),

  /** One client's record for their therapist, private notes included and marked. */
  engagement: engagement.query("therapist", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => buildEngagementExport(ctx.db, ctx.user, ctx.engagement.id),
    audit: { action: "export", recordType: "engagement_export" },
  }),

  /** The therapist's own template library. */
  templates: own.query("therapist", ZNoInput, {
    run: ({ ctx }) => buildTemplateExport(ctx.db, ctx.user),
    audit: { action: "export", recordType: "template_library" },
  }),
});
