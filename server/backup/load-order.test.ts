import { describe, expect, it } from "vitest";
import { foreignKeysToSuspend, loadOrder, type TForeignKey } from "./load-order";

const fk = (table: string, references: string): TForeignKey => ({ name: `${table}_${references}_fkey`, table, references });

describe("loadOrder", () => {
  it("puts every table after the tables it references, ties by name", () => {
    const keys = [fk("goals", "engagements"), fk("engagements", "users"), fk("goal_steps", "goals"), fk("goal_steps", "users")];
    const order = loadOrder(["goal_steps", "goals", "users", "audit_events", "engagements"], keys);
    expect(order).toEqual(["audit_events", "users", "engagements", "goals", "goal_steps"]);
    expect(foreignKeysToSuspend(order, keys)).toEqual([]);
  });

  it("ignores a table's references to itself (one COPY is checked at its end)", () => {
    const keys = [fk("agenda_items", "agenda_items"), fk("agenda_items", "users")];
    const order = loadOrder(["agenda_items", "users"], keys);
    expect(order).toEqual(["users", "agenda_items"]);
    expect(foreignKeysToSuspend(order, keys)).toEqual([]);
  });

  it("breaks a cycle and names exactly the references the load must suspend", () => {
    const keys = [fk("a", "b"), fk("b", "a"), fk("c", "a"), fk("a", "users")];
    const order = loadOrder(["c", "b", "a", "users"], keys);
    expect(order).toEqual(["users", "a", "b", "c"]);
    expect(foreignKeysToSuspend(order, keys)).toEqual([fk("a", "b")]);
  });

  it("ignores references to tables outside the set", () => {
    expect(loadOrder(["b", "a"], [fk("a", "elsewhere")])).toEqual(["a", "b"]);
  });
});
