import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { TemplateLibrary } from "@/components/homework/template-library";
import { StarterExercises } from "@/components/exercises/builder/starter-exercises";

export const metadata: Metadata = { title: "Homework templates" };

export default async function TemplatesPage() {
  await requireUser({ role: "therapist", returnTo: "/templates" });
  await getQueryClient().prefetchQuery(trpc.homeworkTemplate.list.queryOptions({ includeArchived: false }));
  return (
    <HydrateClient>
      <div>
        <h1 className="text-2xl font-semibold">Homework templates</h1>
        <p className="text-ink-muted">
          Exercises you use often, ready to assign in a couple of taps. Or{" "}
          <a href="#start-from-an-exercise" className="text-brand-strong underline">
            start from an exercise
          </a>{" "}
          with its form ready to adapt.
        </p>
      </div>
      <TemplateLibrary />
      <StarterExercises />
    </HydrateClient>
  );
}
