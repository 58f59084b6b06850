import { describe, expect, it } from "vitest";
import { FIELD_TYPES, ZExerciseFormSchema } from "@/lib/exercises/form-definition";
import { STARTER_EXERCISES } from "@/lib/exercises/starters";
import {
  ADDABLE_TYPES,
  assignKeys,
  errorsAt,
  errorsByPath,
  fieldCount,
  fromDefinition,
  keyFromLabel,
  moveItem,
  newField,
  problemsUnder,
  toDefinition,
  uniqueKey,
  type TDraftField,
} from "./builder-model";

const labelled = (field: TDraftField, label: string): TDraftField => ({ ...field, label });

describe("keys from labels", () => {
  it("are lower_snake, plain letters, starting with a letter, at most 40 characters", () => {
    expect(keyFromLabel("What was happening?")).toBe("what_was_happening");
    expect(keyFromLabel("How strong (0–100)")).toBe("how_strong_0_100");
    expect(keyFromLabel("  Ängste & Sorgen  ")).toBe("angste_sorgen");
    expect(keyFromLabel("100 things")).toBe("field_100_things");
    expect(keyFromLabel("")).toBe("field");
    expect(keyFromLabel("???")).toBe("field");
    expect(keyFromLabel("睡眠", "column")).toBe("column");
    const long = keyFromLabel("a very long label that goes on well past the forty characters a key may have");
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
    expect(long.endsWith("_")).toBe(false);
  });

  it("are made unique with a number, still within 40 characters", () => {
    expect(uniqueKey("feeling", new Set())).toBe("feeling");
    expect(uniqueKey("feeling", new Set(["feeling"]))).toBe("feeling_2");
    expect(uniqueKey("feeling", new Set(["feeling", "feeling_2"]))).toBe("feeling_3");
    const forty = "a".repeat(40);
    expect(uniqueKey(forty, new Set([forty]))).toBe(`${"a".repeat(38)}_2`);
  });

  it("follow the label until saved; saved keys never change, and a retired one is not reused", () => {
    const saved = fromDefinition({ fields: [{ key: "mood", type: "rating_10", label: "Mood", isRequired: false }] });
    const renamed = assignKeys([labelled(saved[0], "Mood tonight")]);
    expect(renamed[0].key).toBe("mood");

    const fresh = assignKeys([...saved, labelled(newField("short_text", "n1"), "Mood"), labelled(newField("short_text", "n2"), "Mood")]);
    expect(fresh.map((field) => field.key)).toEqual(["mood", "mood_2", "mood_3"]);

    // "mood" was saved, then removed: a new "Mood" question gets a key of its own.
    expect(assignKeys([labelled(newField("number", "n3"), "Mood")], new Set(["mood"]))[0].key).toBe("mood_2");
  });

  it("make columns unique within their group and choices within their field", () => {
    const group = newField("repeating_group", "g");
    const withColumns = { ...group, columns: [labelled(newField("short_text", "c1"), "Step"), labelled(newField("rating_100", "c2"), "Step")] };
    const choice = { ...newField("single_choice", "s"), options: newField("single_choice", "s").options.map((option) => ({ ...option, label: "Yes" })) };
    const [keyedGroup, keyedChoice] = assignKeys([labelled(withColumns, "Steps"), labelled(choice, "Step")]);
    expect(keyedGroup.columns.map((column) => column.key)).toEqual(["step", "step_2"]);
    expect(keyedChoice.key).toBe("step");
    expect(keyedChoice.options.map((option) => option.key)).toEqual(["yes", "yes_2"]);
  });
});

describe("new fields", () => {
  it("are offered for every type the definition knows", () => {
    expect([...ADDABLE_TYPES].sort()).toEqual([...FIELD_TYPES].sort());
  });

  it("start empty but with what their type needs: two choices, a checklist item, a group column and a row limit", () => {
    expect(newField("single_choice", "a").options).toHaveLength(2);
    expect(newField("multi_choice", "a").options).toHaveLength(2);
    expect(newField("checklist", "a").options).toHaveLength(1);
    const group = newField("repeating_group", "g");
    expect(group.columns).toHaveLength(1);
    expect(group.columns[0].type).toBe("short_text");
    expect(group.maxRows).toBe("10");
    expect(newField("number", "n")).toMatchObject({ min: "", max: "", isInteger: false });
  });

  it("once labelled, make a definition the schema accepts, for every type", () => {
    const fields = assignKeys(
      ADDABLE_TYPES.map((type, index) => {
        const field = labelled(newField(type, `n${index}`), `Question ${index + 1}`);
        return {
          ...field,
          options: field.options.map((option, at) => ({ ...option, label: `Choice ${at + 1}` })),
          columns: field.columns.map((column) => labelled(column, "Column")),
        };
      }),
    );
    const { form, errors } = toDefinition(fields);
    expect(errors).toEqual({});
    expect(ZExerciseFormSchema.safeParse(form).error?.issues ?? []).toEqual([]);
  });
});

describe("moving and counting", () => {
  it("moves one place up or down, and not past either end", () => {
    expect(moveItem(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    const list = ["a", "b"];
    expect(moveItem(list, 0, -1)).toBe(list);
    expect(moveItem(list, 1, 1)).toBe(list);
    expect(moveItem(list, 5, 1)).toBe(list);
  });

  it("counts a group's columns as fields, as the 40-field limit does", () => {
    const group = { ...newField("repeating_group", "g"), columns: [newField("short_text", "c1"), newField("short_text", "c2")] };
    expect(fieldCount([newField("short_text", "a"), group])).toBe(3);
  });
});

describe("to and from a definition", () => {
  it("round-trips every starter exercise unchanged", () => {
    for (const starter of STARTER_EXERCISES) {
      const form = ZExerciseFormSchema.parse({ fields: starter.fields });
      const { form: again, errors } = toDefinition(fromDefinition(form));
      expect(errors).toEqual({});
      expect(ZExerciseFormSchema.parse(again)).toEqual(form);
    }
  });

  it("starts an empty form with what it is given", () => {
    const learned = { key: "learned", type: "long_text" as const, label: "What did you learn or notice?", isRequired: false };
    expect(fromDefinition(null, { whenEmpty: [learned] })).toMatchObject([{ key: "learned", isKeyLocked: true }]);
    expect(fromDefinition(null)).toEqual([]);
  });

  it("keeps an empty help out, and says where a number typed is not a number", () => {
    const number = { ...labelled(newField("number", "n"), "Hours"), key: "hours", min: "zero", max: "24", help: "  " };
    const group = { ...labelled(newField("repeating_group", "g"), "Rows"), maxRows: "" };
    const { form, errors } = toDefinition([number, group]);
    expect(form.fields[0]).toEqual({ key: "hours", label: "Hours", isRequired: false, type: "number", isInteger: false, max: 24 });
    expect(errors).toEqual({ "fields.0.min": ["Give a number, or leave it empty."], "fields.1.maxRows": ["Give a number of rows from 1 to 50."] });
  });
});

describe("errors by path", () => {
  it("are listed per path, a key's under its label, and counted per field", () => {
    const errors = errorsByPath([
      { path: ["fields", 3, "label"], message: "Give it a label." },
      { path: ["fields", 3, "key"], message: "Another field already uses this key." },
      { path: ["fields", 3, "columns", 0, "label"], message: "Give it a label." },
      { path: ["fields"], message: "Add at least one field." },
    ]);
    expect(errorsAt(errors, "fields.3.label")).toEqual(["Give it a label.", "Another field already uses this key."]);
    expect(errorsAt(errors, "fields.3.help")).toBeUndefined();
    expect(errorsAt(errors, "fields")).toEqual(["Add at least one field."]);
    expect(problemsUnder(errors, "fields.3")).toBe(3);
    expect(problemsUnder(errors, "fields.30")).toBe(0);
  });
});
