// The builder's edits as one reducer (issue 23): add, change, move and
// remove fields, a group's columns and a field's choices, undo the last
// removal, and lock the keys once saved. Pure, so it is tested on its own
// (builder-state.test.ts); keys are worked out again after every edit
// (builder-model.ts, assignKeys).
import type { TFieldType } from "@/lib/exercises/limits";
import {
  assignKeys,
  BUILDER_LIMITS,
  lockSavedKeys,
  moveItem,
  newField,
  newOption,
  type TDraftField,
  type TDraftOption,
  type TDraftPatch,
} from "./builder-model";

/** A field, or a column of a group field. */
export type TTarget = { uid: string; columnUid?: string };

export type TRemoved = { kind: "field"; field: TDraftField; index: number } | { kind: "column"; groupUid: string; field: TDraftField; index: number };

export type TBuilderState = {
  fields: TDraftField[];
  /** Keys saved before and removed since: not given to new fields. */
  retired: string[];
  /** The last removal, which "Undo" puts back. */
  removed: TRemoved | null;
  /** Counts new uids; uids of saved fields are positional (builder-model.ts, fromDefinition). */
  nextUid: number;
  /** Changed since the last save. */
  isDirty: boolean;
};

export type TBuilderAction =
  | { type: "add"; fieldType: TFieldType }
  | { type: "addColumn"; groupUid: string; fieldType: TFieldType }
  | { type: "update"; target: TTarget; patch: TDraftPatch }
  | { type: "move"; target: TTarget; offset: -1 | 1 }
  | { type: "remove"; target: TTarget }
  | { type: "undo" }
  | { type: "addOption"; target: TTarget }
  | { type: "updateOption"; target: TTarget; optionUid: string; label: string }
  | { type: "removeOption"; target: TTarget; optionUid: string }
  /** `fields` is what was sent: edits made while it was on its way stay unsaved. */
  | { type: "saved"; fields: TDraftField[] };

export function initialState(fields: TDraftField[]): TBuilderState {
  return { fields, retired: [], removed: null, nextUid: 1, isDirty: false };
}

/** The field or column `target` names, or undefined. */
export function findTarget(fields: TDraftField[], target: TTarget): TDraftField | undefined {
  const field = fields.find((candidate) => candidate.uid === target.uid);
  return target.columnUid ? field?.columns.find((column) => column.uid === target.columnUid) : field;
}

function mapTarget(fields: TDraftField[], target: TTarget, change: (field: TDraftField) => TDraftField): TDraftField[] {
  return fields.map((field) => {
    if (field.uid !== target.uid) return field;
    if (!target.columnUid) return change(field);
    return { ...field, columns: field.columns.map((column) => (column.uid === target.columnUid ? change(column) : column)) };
  });
}

function mapOptions(fields: TDraftField[], target: TTarget, change: (options: TDraftOption[]) => TDraftOption[]): TDraftField[] {
  return mapTarget(fields, target, (field) => ({ ...field, options: change(field.options) }));
}

function edited(state: TBuilderState, fields: TDraftField[], extra: Partial<TBuilderState> = {}): TBuilderState {
  if (fields === state.fields && !Object.keys(extra).length) return state;
  return { ...state, ...extra, fields: assignKeys(fields, new Set(state.retired)), isDirty: true };
}

function insertAt<T>(items: T[], index: number, item: T): T[] {
  return [...items.slice(0, index), item, ...items.slice(index)];
}

export function builderReducer(state: TBuilderState, action: TBuilderAction): TBuilderState {
  const uid = `n${state.nextUid}`;
  switch (action.type) {
    case "add":
      return edited(state, [...state.fields, newField(action.fieldType, uid)], { nextUid: state.nextUid + 1 });
    case "addColumn": {
      const group = state.fields.find((field) => field.uid === action.groupUid);
      if (!group || group.columns.length >= BUILDER_LIMITS.maxColumns || action.fieldType === "repeating_group") return state;
      return edited(
        state,
        mapTarget(state.fields, { uid: action.groupUid }, (field) => ({ ...field, columns: [...field.columns, newField(action.fieldType, uid)] })),
        { nextUid: state.nextUid + 1 },
      );
    }
    case "update":
      return edited(state, mapTarget(state.fields, action.target, (field) => ({ ...field, ...action.patch })));
    case "move": {
      const { target, offset } = action;
      if (!target.columnUid) {
        const moved = moveItem(state.fields, state.fields.findIndex((field) => field.uid === target.uid), offset);
        return moved === state.fields ? state : edited(state, moved);
      }
      const group = state.fields.find((field) => field.uid === target.uid);
      if (!group) return state;
      const columns = moveItem(group.columns, group.columns.findIndex((column) => column.uid === target.columnUid), offset);
      return columns === group.columns ? state : edited(state, mapTarget(state.fields, { uid: target.uid }, (field) => ({ ...field, columns })));
    }
    case "remove": {
      const { target } = action;
      if (!target.columnUid) {
        const index = state.fields.findIndex((field) => field.uid === target.uid);
        if (index < 0) return state;
        const field = state.fields[index];
        const retired = field.isKeyLocked ? [...state.retired, field.key] : state.retired;
        return edited({ ...state, retired }, state.fields.filter((_, at) => at !== index), { removed: { kind: "field", field, index } });
      }
      const group = state.fields.find((field) => field.uid === target.uid);
      const index = group?.columns.findIndex((column) => column.uid === target.columnUid) ?? -1;
      // A group keeps at least one column.
      if (!group || index < 0 || group.columns.length <= 1) return state;
      return edited(
        state,
        mapTarget(state.fields, { uid: target.uid }, (field) => ({ ...field, columns: field.columns.filter((_, at) => at !== index) })),
        { removed: { kind: "column", groupUid: target.uid, field: group.columns[index], index } },
      );
    }
    case "undo": {
      const removed = state.removed;
      if (!removed) return state;
      if (removed.kind === "field") {
        const retired = state.retired.filter((key) => !(removed.field.isKeyLocked && key === removed.field.key));
        // Its key was kept out of new fields' way, so it is still free.
        return edited({ ...state, retired }, insertAt(state.fields, Math.min(removed.index, state.fields.length), removed.field), { removed: null });
      }
      const group = state.fields.find((field) => field.uid === removed.groupUid);
      if (!group) return { ...state, removed: null };
      return edited(
        state,
        mapTarget(state.fields, { uid: removed.groupUid }, (field) => ({
          ...field,
          columns: insertAt(field.columns, Math.min(removed.index, field.columns.length), removed.field),
        })),
        { removed: null },
      );
    }
    case "addOption": {
      const field = findTarget(state.fields, action.target);
      if (!field || field.options.length >= BUILDER_LIMITS.maxOptions) return state;
      return edited(state, mapOptions(state.fields, action.target, (options) => [...options, newOption(uid)]), { nextUid: state.nextUid + 1 });
    }
    case "updateOption":
      return edited(
        state,
        mapOptions(state.fields, action.target, (options) => options.map((choice) => (choice.uid === action.optionUid ? { ...choice, label: action.label } : choice))),
      );
    case "removeOption":
      return edited(state, mapOptions(state.fields, action.target, (options) => options.filter((choice) => choice.uid !== action.optionUid)));
    case "saved":
      // From now on these keys are the form's: removing one retires it (see "remove").
      return { ...state, fields: assignKeys(lockSavedKeys(state.fields, action.fields), new Set(state.retired)), removed: null, isDirty: state.fields !== action.fields };
  }
}
