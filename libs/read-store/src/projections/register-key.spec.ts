import fc from 'fast-check';
import { normaliseIdNumber, partyKeyOf } from './register.projection';

/** The rule as written before its ASCII fast path: NFKC, no spaces or dashes, upper case. */
const byTheRule = (idNumber: string): string =>
  idNumber
    .normalize('NFKC')
    .replace(/[\s\-‐-―]/g, '')
    .toUpperCase();

/** The same characters in their full-width forms, as an IME may type them. */
const fullWidth = (text: string): string =>
  String.fromCharCode(...[...text].map((c) => c.charCodeAt(0) + 0xfee0));

describe('identity numbers matched across cases (Art 11 register)', () => {
  it('the fast path for plain letters and digits gives what the full rule gives, for any input', () => {
    const plain = fc.stringMatching(/^[0-9A-Za-z]{0,20}$/);
    const mixed = fc.string({ unit: 'grapheme', maxLength: 20 });
    fc.assert(
      fc.property(fc.oneof(plain, mixed), (idNumber) => {
        expect(normaliseIdNumber(idNumber)).toBe(byTheRule(idNumber));
      }),
      { numRuns: 2000 },
    );
  });

  it('one person under every spelling of one document is one key', () => {
    const key = partyKeyOf('RESIDENT_ID', '37042319900001476x');
    for (const spelling of [
      '37042319900001476X',
      fullWidth('37042319900001476X'),
      '370423 1990-0001 476x',
      '370423‐19900001476X',
    ])
      expect(partyKeyOf('RESIDENT_ID', spelling)).toBe(key);
    expect(key).toBe('RESIDENT_ID-37042319900001476X');
  });
});
