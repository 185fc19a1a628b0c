import fc from 'fast-check';

type Schema = Record<string, unknown>;

const DATES = ['2024-03-01', '2024-06-05', '2024-09-25', '2025-01-02'];

/**
 * Request bodies drawn from the app's own OpenAPI schemas, mostly valid ones (enum members, dates,
 * uuids, bounded numbers, one or two array items, optional fields present or not), so a property
 * over every route exercises the deciders and not only the validation pipe.
 */
export function arbitraryFor(
  schema: Schema | undefined,
  components: Record<string, Schema>,
): fc.Arbitrary<unknown> {
  if (schema === undefined) return fc.constant({});
  const ref = schema.$ref as string | undefined;
  if (ref !== undefined) return arbitraryFor(components[ref.split('/').pop()!], components);
  const nullable = schema.nullable === true;
  const own = ((): fc.Arbitrary<unknown> => {
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    switch (schema.type) {
      case 'string':
        if (schema.format === 'uuid') return fc.uuid();
        if (typeof schema.pattern === 'string' && schema.pattern.includes('\\d{4}-'))
          return fc.constantFrom(...DATES);
        return typeof schema.example === 'string'
          ? fc.constantFrom(schema.example, 'some reasons')
          : fc.constantFrom('some reasons', 'p-1');
      case 'integer':
      case 'number': {
        const min = typeof schema.minimum === 'number' ? schema.minimum : 1;
        return fc.integer({ min, max: min + 3 });
      }
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const items = arbitraryFor(schema.items as Schema | undefined, components);
        return fc.array(items, { minLength: 1, maxLength: 2 });
      }
      case 'object':
      case undefined: {
        const properties = (schema.properties ?? {}) as Record<string, Schema>;
        if (Object.keys(properties).length === 0) return fc.constantFrom('some text', null);
        const required = new Set((schema.required ?? []) as string[]);
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, property] of Object.entries(properties))
          record[name] = arbitraryFor(property, components);
        return fc.record(record, {
          requiredKeys: Object.keys(properties).filter((name) => required.has(name)),
        });
      }
      default:
        return fc.constant(null);
    }
  })();
  return nullable
    ? fc.oneof({ weight: 4, arbitrary: own }, { weight: 1, arbitrary: fc.constant(null) })
    : own;
}
