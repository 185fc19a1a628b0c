import { KeyFilter } from './key-filter';

describe('KeyFilter (the keys a fresh replay has written)', () => {
  it('never calls a written key absent, across collections and key types', () => {
    const filter = new KeyFilter();
    const written: [string, string | number][] = [];
    for (let i = 0; i < 200_000; i++) {
      const entry: [string, string | number] =
        i % 3 === 0 ? ['audit_trail', i] : [`c${i % 7}`, `case-${i.toString(36)}-${i * 7919}`];
      filter.add(...entry);
      written.push(entry);
    }
    expect(written.every(([collection, key]) => filter.mightHave(collection, key))).toBe(true);
  });

  it('calls almost every other key absent: the same key in another collection, a number as text', () => {
    const filter = new KeyFilter();
    for (let i = 0; i < 200_000; i++) filter.add('cases', `case-${i}`);
    let maybe = 0;
    for (let i = 0; i < 100_000; i++) if (filter.mightHave('deadlines', `case-${i}`)) maybe += 1;
    for (let i = 0; i < 100_000; i++) if (filter.mightHave('cases', `case-${i + 200_000}`)) maybe += 1;
    // ~0.003% expected at this fill (3 probes into 2^24 bits); 1% would mean a broken hash.
    expect(maybe).toBeLessThan(2_000);
    filter.add('audit_trail', 17);
    expect(filter.mightHave('audit_trail', 17)).toBe(true);
    expect(filter.mightHave('audit_trail', '17')).toBe(false);
  });
});
