import type { ChangeEvent } from "react";
import { HOMEWORK_KINDS, KIND_LABELS } from "@/lib/constants/homework";
import { SelectField } from "@/components/ui/field";

type TKind = (typeof HOMEWORK_KINDS)[number];

export function KindSelect(props: { value?: TKind; defaultValue?: TKind; onChange?: (event: ChangeEvent<HTMLSelectElement>) => void }) {
  return <SelectField label="Kind" name="kind" options={HOMEWORK_KINDS} labels={KIND_LABELS} {...props} />;
}
