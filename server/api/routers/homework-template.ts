import { z } from "zod";
import { ZCreateTemplateSchema, ZTemplateRefSchema, ZUpdateTemplateSchema } from "@/lib/schemas/homework";
import {
  createTemplate,
  duplicateTemplate,
  listTemplates,
  setTemplateArchived,
  updateTemplate,
} from "@/server/homework/templates";
import { createTRPCRouter, templateProcedure, therapistProcedure } from "../trpc";

// Templates are the therapist's own working material, not clinical records:
// no engagement is involved and nothing here is about a client.
export const homeworkTemplateRouter = createTRPCRouter({
  list: therapistProcedure
    .input(z.object({ includeArchived: z.boolean().default(false) }).strict().optional())
    .query(({ ctx, input }) => listTemplates(ctx.db, ctx.user, { includeArchived: input?.includeArchived ?? false })),

  create: therapistProcedure.input(ZCreateTemplateSchema).mutation(({ ctx, input }) => createTemplate(ctx.db, ctx.user, input)),

  update: templateProcedure
    .input(ZUpdateTemplateSchema)
    .mutation(({ ctx, input }) => updateTemplate(ctx.db, ctx.user, ctx.template, input)),

  duplicate: templateProcedure
    .input(ZTemplateRefSchema.strict())
    .mutation(({ ctx }) => duplicateTemplate(ctx.db, ctx.user, ctx.template)),

  setArchived: templateProcedure
    .input(ZTemplateRefSchema.extend({ isArchived: z.boolean() }).strict())
    .mutation(({ ctx, input }) => setTemplateArchived(ctx.db, ctx.user, ctx.template, input.isArchived)),
});
