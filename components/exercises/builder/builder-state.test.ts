import { describe, expect, it } from "vitest";
import { fromDefinition } from "./builder-model";
import { builderReducer, initialState, type TBuilderAction, type TBuilderState } from "./builder-state";

const saved = fromDefinition({
  fields: [
    { key: "situation", type: "short_text", label: "What was happening?", isRequired: true },
    { key: "belief", type: "rating_100", label: "How much did you believe it?", isRequired: false },
    {
      key: "emotions",
      type: "repeating_group",
      label: "Feelings",
      isRequired: false,
      maxRows: 8,
      columns: [
        { key: "emotion", type: "short_text", label: "Feeling", isRequired: true },
        { key: "intensity", type: "rating_100", label: "How strong", isRequired: false },
      ],
    },
  ],
});

function run(state: TBuilderState, ...actions: TBuilderAction[]): TBuilderState {
  return actions.reduce(builderReducer, state);
}

const keys = (state: TBuilderState) => state.fields.map((field) => field.key);

describe("the builder's edits", () => {
  it("adds a field at the end with a key from its label, and marks the form changed", () => {
    const state = run(initialState(saved), { type: "add", fieldType: "rating_100" });
    expect(state.isDirty).toBe(true);
    const added = state.fields[3];
    expect(added).toMatchObject({ uid: "n1", type: "rating_100", key: "field", isKeyLocked: false });
    const named = run(state, { type: "update", target: { uid: "n1" }, patch: { label: "Anxiety afterwards" } });
    expect(named.fields[3].key).toBe("anxiety_afterwards");
    // A saved field's label changes; its key does not.
    const renamed = run(named, { type: "update", target: { uid: saved[0].uid }, patch: { label: "Where were you?" } });
    expect(keys(renamed)).toEqual(["situation", "belief", "emotions", "anxiety_afterwards"]);
  });

  it("moves fields and columns one place, and not past the ends", () => {
    const state = initialState(saved);
    expect(keys(run(state, { type: "move", target: { uid: saved[2].uid }, offset: -1 }))).toEqual(["situation", "emotions", "belief"]);
    expect(run(state, { type: "move", target: { uid: saved[0].uid }, offset: -1 })).toBe(state);
    const columns = run(state, { type: "move", target: { uid: saved[2].uid, columnUid: saved[2].columns[1].uid }, offset: -1 }).fields[2].columns;
    expect(columns.map((column) => column.key)).toEqual(["intensity", "emotion"]);
  });

  it("removes a field and puts it back where it was on undo", () => {
    const removed = run(initialState(saved), { type: "remove", target: { uid: saved[1].uid } });
    expect(keys(removed)).toEqual(["situation", "emotions"]);
    expect(removed.removed).toMatchObject({ kind: "field", index: 1 });
    const undone = run(removed, { type: "undo" });
    expect(keys(undone)).toEqual(["situation", "belief", "emotions"]);
    expect(undone.removed).toBeNull();
    expect(undone.retired).toEqual([]);
  });

  it("does not give a removed saved field's key to a new field with the same label", () => {
    const state = run(
      initialState(saved),
      { type: "remove", target: { uid: saved[0].uid } },
      { type: "add", fieldType: "long_text" },
      { type: "update", target: { uid: "n1" }, patch: { label: "Situation" } },
    );
    expect(keys(state)).toEqual(["belief", "emotions", "situation_2"]);
  });

  it("keeps at least one column in a group, and undoes a column's removal", () => {
    const group = { uid: saved[2].uid };
    const one = run(initialState(saved), { type: "remove", target: { ...group, columnUid: saved[2].columns[0].uid } });
    expect(one.fields[2].columns.map((column) => column.key)).toEqual(["intensity"]);
    expect(run(one, { type: "remove", target: { ...group, columnUid: saved[2].columns[1].uid } })).toBe(one);
    expect(run(one, { type: "undo" }).fields[2].columns.map((column) => column.key)).toEqual(["emotion", "intensity"]);
  });

  it("adds columns of plain types only, up to eight", () => {
    const group = saved[2].uid;
    const add = (fieldType: Extract<TBuilderAction, { type: "addColumn" }>["fieldType"]): TBuilderAction => ({ type: "addColumn", groupUid: group, fieldType });
    expect(run(initialState(saved), add("repeating_group")).fields[2].columns).toHaveLength(2);
    const full = run(initialState(saved), ...Array.from({ length: 10 }, () => add("short_text")));
    expect(full.fields[2].columns).toHaveLength(8);
  });

  it("adds, renames and removes choices, keys following their labels", () => {
    let state = run(initialState([]), { type: "add", fieldType: "single_choice" });
    const target = { uid: "n1" };
    const [first, second] = state.fields[0].options;
    state = run(
      state,
      { type: "updateOption", target, optionUid: first.uid, label: "Yes" },
      { type: "updateOption", target, optionUid: second.uid, label: "Not yet" },
      { type: "addOption", target },
    );
    expect(state.fields[0].options.map((option) => option.key)).toEqual(["yes", "not_yet", "choice"]);
    state = run(state, { type: "removeOption", target, optionUid: first.uid });
    expect(state.fields[0].options.map((option) => option.label)).toEqual(["Not yet", ""]);
  });

  it("locks every key once saved, so later label changes keep them", () => {
    const labelled = run(initialState([]), { type: "add", fieldType: "short_text" }, { type: "update", target: { uid: "n1" }, patch: { label: "Plan" } });
    const state = run(labelled, { type: "saved", fields: labelled.fields }, { type: "update", target: { uid: "n1" }, patch: { label: "What you planned" } });
    expect(keys(state)).toEqual(["plan"]);
    expect(state.fields[0].isKeyLocked).toBe(true);
    const removedThenAdded = run(state, { type: "remove", target: { uid: "n1" } }, { type: "add", fieldType: "short_text" }, { type: "update", target: { uid: "n2" }, patch: { label: "Plan" } });
    expect(keys(removedThenAdded)).toEqual(["plan_2"]);
  });

  it("keeps what changed while a save was on its way unsaved, with the saved keys", () => {
    const labelled = run(initialState([]), { type: "add", fieldType: "single_choice" }, { type: "update", target: { uid: "n1" }, patch: { label: "Plan" } });
    const sent = labelled.fields;
    const meanwhile = run(
      labelled,
      { type: "update", target: { uid: "n1" }, patch: { label: "Your plan" } },
      { type: "updateOption", target: { uid: "n1" }, optionUid: sent[0].options[0].uid, label: "Walk" },
      { type: "add", fieldType: "number" },
    );
    const after = run(meanwhile, { type: "saved", fields: sent });
    expect(after.isDirty).toBe(true);
    expect(after.fields[0]).toMatchObject({ key: "plan", label: "Your plan", isKeyLocked: true });
    expect(after.fields[0].options.map((option) => [option.key, option.isKeyLocked])).toEqual([["choice", true], ["choice_2", true]]);
    expect(after.fields[1]).toMatchObject({ key: "field", isKeyLocked: false });
    expect(run(labelled, { type: "saved", fields: sent }).isDirty).toBe(false);
  });
});
