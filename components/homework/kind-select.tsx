import type { ChangeEvent } from "react";
import { HOMEWORK_KINDS, KIND_LABELS } from "@/lib/constants/homework";

type TKind = (typeof HOMEWORK_KINDS)[number];

export function KindSelect(props: { value?: TKind; defaultValue?: TKind; onChange?: (event: ChangeEvent<HTMLSelectElement>) => void }) {
  return (
    <label className="flex flex-col gap-1.5">
      <span className="font-medium">Kind</span>
      <select name="kind" className="min-h-11 w-full rounded-lg border border-line bg-surface px-3" {...props}>
        {HOMEWORK_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </select>
    </label>
  );
}
