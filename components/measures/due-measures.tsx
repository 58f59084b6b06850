// On the client's home: questionnaires their therapist asked for that are
// open now, with a plain way in. Nothing shows when nothing is waiting.
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { TMeasuresOverview } from "@/lib/trpc/types";

export function DueMeasures({ measures, therapistName, timeZone }: { measures: TMeasuresOverview; therapistName: string; timeZone: string }) {
  const waiting = measures.running.filter((measure) => measure.open && measure.open.state !== "done");
  if (waiting.length === 0) return null;
  return (
    <Card title={waiting.length === 1 ? "A short questionnaire" : "Short questionnaires"}>
      <ul className="flex flex-col gap-4">
        {waiting.map((measure) => (
          <li key={measure.id} className="flex flex-col gap-2">
            <p>
              {therapistName} asked you to fill in the <span className="font-medium">{measure.name}</span>: {measure.about}.
              It takes about two minutes.
              {measure.open?.dueBy ? ` Best done by ${formatDate(measure.open.dueBy, timeZone)}, before your session.` : ""}
            </p>
            <Link href={`/questionnaires/${measure.id}`} className={buttonClassName("primary", "self-start")}>
              {measure.open?.state === "started" ? `Carry on with the ${measure.name}` : `Start the ${measure.name}`}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
