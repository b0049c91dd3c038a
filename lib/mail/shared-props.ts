/**
 * Messages about one place (a confirmation and its reminders) repeat most of their props. To
 * write them in one statement, the props every row shares (the same value, by reference) go once,
 * and each row keeps only its own; the statement merges them back (`shared || own`).
 */
export function splitSharedProps<R extends { props: Record<string, unknown> }>(rows: readonly R[]) {
  const [first] = rows;
  const shared: Record<string, unknown> = {};
  if (first) {
    for (const [key, value] of Object.entries(first.props)) {
      if (rows.every((row) => Object.hasOwn(row.props, key) && row.props[key] === value)) shared[key] = value;
    }
  }
  return {
    shared,
    rows: rows.map((row) => ({
      ...row,
      props: Object.fromEntries(Object.entries(row.props).filter(([key]) => !Object.hasOwn(shared, key))),
    })),
  };
}
