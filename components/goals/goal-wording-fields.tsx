import { TextAreaField, TextField } from "@/components/ui/field";

type TWording = { title: string; whyItMatters: string; description: string; targetDate: string };

/** The words of a goal, shared by the new-goal and edit forms. */
export function GoalWordingFields({
  defaults,
  errors,
}: {
  defaults?: TWording;
  errors: Record<string, string[] | undefined>;
}) {
  return (
    <>
      <TextField label="Goal" name="title" defaultValue={defaults?.title} hint="A few words, in your own language." errors={errors.title} />
      <TextAreaField label="Why this matters" name="whyItMatters" rows={2} defaultValue={defaults?.whyItMatters} errors={errors.whyItMatters} />
      <TextAreaField label="What it looks like (optional)" name="description" rows={2} defaultValue={defaults?.description} errors={errors.description} />
      <TextField label="Aim to reach it by (optional)" name="targetDate" type="date" defaultValue={defaults?.targetDate} errors={errors.targetDate} />
    </>
  );
}
