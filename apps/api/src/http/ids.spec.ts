import fc from 'fast-check';
import { parse as parseUuid, v5 as uuidv5 } from 'uuid';
import { nameBasedUuid, plain } from './ids';

describe('ids and plain values without the slow library paths (issue 14)', () => {
  it('nameBasedUuid is uuid v5, byte for byte, for any name (ids derived from idempotency keys must not change)', () => {
    const namespace = uuidv5('urn:accord:generated-id', uuidv5.URL);
    const bytes = parseUuid(namespace);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (name) => {
        expect(nameBasedUuid(bytes, name)).toBe(uuidv5(name, namespace));
      }),
      { numRuns: 2000 },
    );
  });

  it('plain gives what a JSON round trip gives', () => {
    class Dto {
      a = 1;
      missing: string | undefined = undefined;
      nested = { when: new Date(0), list: [undefined, () => 1, -0, NaN, 'x'] };
    }
    const value = new Dto();
    expect(plain(value)).toStrictEqual(JSON.parse(JSON.stringify(value)));
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: false, withBoxedValues: false, withMap: true, withSet: true }),
        (any) => {
          const json = JSON.stringify(any);
          if (json === undefined) return;
          expect(plain(any)).toStrictEqual(JSON.parse(json));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
