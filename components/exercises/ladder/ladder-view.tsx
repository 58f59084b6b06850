// The exposure ladder (issue 23) as both people see it: what a ladder is, in
// plain words; the steps, easiest first, each with how practising it has
// gone; a way to add, change and remove steps while the work together is
// active; and, for the steps practised, the highest anxiety practice by
// practice. Drawn on the server: only the forms and buttons ship JavaScript
// (./step-item.tsx, ./step-form.tsx), and they refresh the page after a change.
import { latestInWords, practiceCount, type TLadderPractice } from "@/lib/exercises/ladder";
import { Card, EmptyState } from "@/components/ui/card";
import { AddStepForm } from "./step-form";
import { LadderStepItem } from "./step-item";
import { PeakChart } from "./peak-chart";

type TLadderStep = { id: string; text: string; expectedAnxiety: number; practices: TLadderPractice[] };

export function LadderView({
  engagementId,
  steps,
  canEdit,
  maxSteps,
  timeZone,
}: {
  engagementId: string;
  steps: TLadderStep[];
  canEdit: boolean;
  /** The most steps a ladder may have (lib/schemas/exercise.ts, which components load only on first use). */
  maxSteps: number;
  timeZone: string;
}) {
  const practised = steps.filter((step) => step.practices.some((practice) => practice.peak !== null));
  return (
    <>
      <Card title="Steps, easiest first">
        <div className="flex flex-col gap-5">
          {steps.length === 0 ? (
            <EmptyState>
              No steps yet. A good first step is a situation that feels only a little uncomfortable; harder ones can come
              later.
            </EmptyState>
          ) : (
            <ol aria-label="Steps, easiest first" className="flex flex-col gap-3">
              {steps.map((step) => (
                <li key={step.id} className="rounded-lg border border-line px-3 py-2">
                  <LadderStepItem step={{ id: step.id, text: step.text, expectedAnxiety: step.expectedAnxiety }} canEdit={canEdit}>
                    <p className="text-sm">
                      {practiceCount(step.practices.length)} {latestInWords(step.practices)}
                    </p>
                  </LadderStepItem>
                </li>
              ))}
            </ol>
          )}
          {canEdit && steps.length < maxSteps ? (
            <div className="border-t border-line pt-4">
              <AddStepForm engagementId={engagementId} />
            </div>
          ) : null}
          {canEdit && steps.length >= maxSteps ? (
            <p className="text-ink-muted">That&apos;s the most steps a ladder can have ({maxSteps}). Remove one to add another.</p>
          ) : null}
        </div>
      </Card>
      {practised.length > 0 ? (
        <Card title="Highest anxiety, practice by practice">
          <div className="flex flex-col gap-6">
            {practised.map((step) => (
              <section key={step.id} className="flex flex-col gap-2">
                <h3 className="font-semibold">{step.text}</h3>
                <PeakChart text={step.text} practices={step.practices} timeZone={timeZone} />
              </section>
            ))}
          </div>
        </Card>
      ) : null}
    </>
  );
}
