import { sql, type SQL } from 'drizzle-orm';

/**
 * A statement whose text is fixed once, when its module loads, with named parameters numbered
 * there: a hot statement is then neither rebuilt nor re-rendered per call, only its values are
 * collected. A name used twice is one parameter. Another statement placed inside is spliced in
 * with its names (so a fragment can be shared between statements).
 */
export type TStatement<K extends string, TRow = unknown> = {
  /** The SQL with `$1`, `$2`… in the order `names` gives. */
  readonly text: string;
  readonly names: readonly K[];
  /** Literal text and parameter names, alternating: the same statement as a drizzle SQL. */
  readonly parts: readonly (string | { name: K })[];
  /** Only a type: what one row of its answer holds. */
  readonly row?: TRow;
};

export function statement<K extends string, TRow = unknown>(
  strings: TemplateStringsArray,
  ...slots: (K | TStatement<K, unknown>)[]
): TStatement<K, TRow> {
  const parts: (string | { name: K })[] = [];
  strings.forEach((text, i) => {
    parts.push(text);
    const slot = slots[i];
    if (slot === undefined) return;
    if (typeof slot === 'string') parts.push({ name: slot });
    else parts.push(...slot.parts);
  });
  const names: K[] = [];
  const text = parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if (!names.includes(part.name)) names.push(part.name);
      return `$${names.indexOf(part.name) + 1}`;
    })
    .join('');
  return { text, names, parts };
}

/** Fixed SQL text with no parameters, to splice into statements (a subquery used by several). */
export function sqlText(text: string): TStatement<never> {
  return { text, names: [], parts: [text] };
}

/** The parameter values in the statement's order. A missing value is an error, not a silent null. */
export function statementParams<K extends string>(statement: TStatement<K>, values: Record<K, unknown>): unknown[] {
  return statement.names.map((name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for the statement parameter "${name}".`);
    return value;
  });
}

/** The statement as drizzle SQL, for a handle that runs only drizzle queries (a transaction). */
export function statementSql<K extends string>(statement: TStatement<K>, values: Record<K, unknown>): SQL {
  statementParams(statement, values);
  return sql.join(statement.parts.map((part) => (typeof part === 'string' ? sql.raw(part) : sql.param(values[part.name]))));
}
