import { z } from "zod";
import { ZCreateTemplateSchema, ZTemplateRefSchema, ZUpdateTemplateSchema } from "@/lib/schemas/homework";
import { ZFromStarterSchema, ZSaveTemplateFormSchema } from "@/lib/schemas/exercise";
import { createFromStarter, createTemplate, duplicateTemplate, listTemplates, setTemplateArchived, updateTemplate } from "@/server/homework/templates";
import { saveTemplateForm, templateForm } from "@/server/exercises/forms";
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

  /** The template's exercise form (its newest version), for the builder and the preview. */
  form: template.query("therapist", ZTemplateRefSchema.strict(), {
    run: ({ ctx }) => templateForm(ctx.db, ctx.template),
    audit: null,
  }),

  /** Saves the form as the template's next version; assignments keep theirs until moved on. */
  saveForm: template.mutation("therapist", ZSaveTemplateFormSchema, {
    run: ({ ctx, input }) => saveTemplateForm(ctx.db, ctx.user, ctx.template, input.form),
    audit: null,
  }),

  /** "Start from an exercise": a template of the therapist's own with a starter's form. */
  fromStarter: own.mutation("therapist", ZFromStarterSchema, {
    run: ({ ctx, input }) => createFromStarter(ctx.db, ctx.user, input.starterKey),
    audit: null,
  }),

  setArchived: template.mutation("therapist", ZTemplateRefSchema.extend({ isArchived: z.boolean() }).strict(), {
    run: ({ ctx, input }) => setTemplateArchived(ctx.db, ctx.user, ctx.template, input.isArchived),
    audit: null,
  }),
});
