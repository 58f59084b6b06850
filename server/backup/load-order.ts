// The order a restore loads tables in, worked out from their foreign keys.
//
// Invariants:
// - A table comes after every table it references, wherever the references
//   allow it; ties are broken by name, so the same schema always gives the
//   same order.
// - A reference to the table itself never constrains the order: each table is
//   loaded by one COPY, and a non-deferrable foreign key is checked at the end
//   of its statement, so rows may point at rows later in the same COPY.
// - References that no order can satisfy (a cycle) are not dropped silently:
//   `foreignKeysToSuspend` names them, and the restore drops those
//   constraints for the load and adds them back (checking every row) before
//   it commits.

export type TForeignKey = { name: string; table: string; references: string };

export function loadOrder(tables: readonly string[], foreignKeys: readonly TForeignKey[]): string[] {
  const known = new Set(tables);
  const waitingOn = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const key of foreignKeys) {
    if (key.table === key.references || !known.has(key.table) || !known.has(key.references)) continue;
    waitingOn.get(key.table)!.add(key.references);
  }
  const order: string[] = [];
  const left = new Set([...tables].sort());
  while (left.size > 0) {
    const ready = [...left].find((table) => [...waitingOn.get(table)!].every((dependency) => !left.has(dependency)));
    // In a cycle nothing is ready: take the first by name and let the load suspend its references.
    const next = ready ?? left.values().next().value!;
    order.push(next);
    left.delete(next);
  }
  return order;
}

/** Foreign keys whose referenced table is loaded after the referencing one (other than itself). */
export function foreignKeysToSuspend<TKey extends TForeignKey>(order: readonly string[], foreignKeys: readonly TKey[]): TKey[] {
  const position = new Map(order.map((table, index) => [table, index]));
  return foreignKeys.filter((key) => {
    const from = position.get(key.table);
    const to = position.get(key.references);
    return from !== undefined && to !== undefined && key.table !== key.references && to > from;
  });
}
