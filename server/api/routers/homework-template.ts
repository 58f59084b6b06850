import { z } from "zod";
import { ZCreateTemplateSchema, ZTemplateRefSchema, ZUpdateTemplateSchema } from "@/lib/schemas/homework";
import { createTemplate, duplicateTemplate, listTemplates, setTemplateArchived, updateTemplate } from "@/server/homework/templates";
import { createTRPCRouter } from "../trpc";
import { own, template } from "../resources";

// Templates are the therapist's own working material, not clinical records:
// no engagement is involved and nothing here is about a client, so nothing
// is audited.
export const homeworkTemplateRouter = createTRPCRouter({
  list: own.query("therapist", z.object({ includeArchived: z.boolean().default(false) }).strict().optional(), {
    run: ({ ctx, input }) => listTemplates(ctx.db, ctx.user, { includeArchived: input?.includeArchived ?? false }),
    audit: null,
  }),

  create: own.mutation("therapist", ZCreateTemplateSchema, {
    run: ({ ctx, input }) => createTemplate(ctx.db, ctx.user, input),
    audit: null,
  }),

  update: template.mutation("therapist", ZUpdateTemplateSchema, {
    run: ({ ctx, input }) => updateTemplate(ctx.db, ctx.user, ctx.template, input),
    audit: null,
  }),

  duplicate: template.mutation("therapist", ZTemplateRefSchema.strict(), {
    run: ({ ctx }) => duplicateTemplate(ctx.db, ctx.user, ctx.template),
    audit: null,
  }),

  setArchived: template.mutation("therapist", ZTemplateRefSchema.extend({ isArchived: z.boolean() }).strict(), {
    run: ({ ctx, input }) => setTemplateArchived(ctx.db, ctx.user, ctx.template, input.isArchived),
    audit: null,
  }),
});
