import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { FormBuilder } from "@/components/exercises/builder/form-builder";

export const metadata: Metadata = { title: "Exercise form" };

/** The builder of a template's exercise form (issue 23); a starter-library template's form is shown read-only. */
export default async function TemplateFormPage({ params }: PageProps<"/templates/[templateId]/form">) {
  const { templateId } = await params;
  await requireUser({ role: "therapist", returnTo: `/templates/${encodeURIComponent(templateId)}/form` });
  await orNotFound(getQueryClient().fetchQuery(trpc.homeworkTemplate.form.queryOptions({ templateId })));
  return (
    <HydrateClient>
      <FormBuilder templateId={templateId} />
    </HydrateClient>
  );
}
