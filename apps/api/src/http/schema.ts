/**
 * A small vocabulary for the answer schemas of the OpenAPI document (OpenAPI 3.0 JSON Schema).
 * Each answer's schema sits in a `*.schema.ts` file beside its slice, one line per field, and is
 * collected in `docs/answer-schemas.ts`. Objects are closed (`additionalProperties: false`) so the
 * contract test notices a field the schema does not name.
 */
export type Schema = { readonly [keyword: string]: unknown };

export const str = (description?: string): Schema => ({
  type: 'string',
  ...(description ? { description } : {}),
});
export const int = (description?: string): Schema => ({
  type: 'integer',
  ...(description ? { description } : {}),
});
export const bool = (description?: string): Schema => ({
  type: 'boolean',
  ...(description ? { description } : {}),
});
/** A legal date, `YYYY-MM-DD` in Asia/Shanghai. */
export const date = (description?: string): Schema => ({
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  example: '2024-03-01',
  ...(description ? { description } : {}),
});
export const oneOf = <T extends string | number>(values: readonly T[], description?: string): Schema => ({
  type: typeof values[0] === 'number' ? 'integer' : 'string',
  enum: [...values],
  ...(description ? { description } : {}),
});
export const list = (items: Schema, description?: string): Schema => ({
  type: 'array',
  items,
  ...(description ? { description } : {}),
});
/** The same schema, or null (an enum lists null too, as JSON Schema validators read `enum` on its own). */
export const orNull = (schema: Schema): Schema =>
  Array.isArray(schema.enum)
    ? { ...schema, nullable: true, enum: [...schema.enum, null] }
    : { ...schema, nullable: true };

/** A closed object: every property required unless listed in `optional`. */
export function obj(properties: Readonly<Record<string, Schema>>, optional: readonly string[] = []): Schema {
  const required = Object.keys(properties).filter((name) => !optional.includes(name));
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

/**
 * A read-model query's answer: its own fields, the rows under `rowsKey`, and the log `position` the
 * read model reflects. Closed at the top; each row is the read model's row, documented by the query.
 */
export function rowsAnswer(fields: Readonly<Record<string, Schema>>, rowsKey: 'items' | 'rows'): Schema {
  return obj({
    ...fields,
    [rowsKey]: list({ type: 'object' }),
    position: int('The log position the read model reflects; pass a write’s `position` as `minPosition`.'),
  });
}

/** A reference to a named schema in the document's components. */
export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/** An organ of the county (respondent, letter addressee). */
export const ORGAN_REF = obj({ code: str(), name: str() });

/** A deadline's explanation as stored on events: the rule, the counting and every day skipped. */
export const STORED_DEADLINE = obj(
  {
    rule: str(),
    article: str(),
    counting: oneOf(['calendar', 'working', 'months'], '`months` (v2): `days` is a number of months.'),
    days: int(),
    start: date(),
    dueBy: date(),
    daysCounted: int(),
    skipped: list(obj({ date: date(), reason: oneOf(['weekend', 'holiday']), name: str() }, ['name'])),
    makeupDaysCounted: list(date()),
    sources: list(str()),
    provisionalYears: list(str(), 'v2: years without an official schedule; the date may move.'),
    unscheduledYears: list(str(), 'v2: years with no schedule at all (weekends only).'),
    text: str(),
  },
  ['makeupDaysCounted', 'provisionalYears', 'unscheduledYears'],
);
