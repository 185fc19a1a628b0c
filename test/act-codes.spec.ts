import { ACT_CODES, allErrorCodes, caseError, letterError, registerError } from '@accord/domain';
import { deriveActCodes } from '../scripts/act-codes';

/**
 * The refusal codes the OpenAPI spec lists per write come from `ACT_CODES`, which is derived from the
 * deciders' source. These tests keep the two in step and make sure the derivation sees what matters.
 */
describe('ACT_CODES: the refusal codes each act can answer with, derived from its decider', () => {
  const derived = deriveActCodes();

  it('the committed table is what the deciders can throw (run `npm run gen:act-codes` when this fails)', () => {
    expect(ACT_CODES).toEqual(derived);
  });

  it('follows an act into the guards and helpers it calls, and keeps each act to its own branch', () => {
    const { case: cases, letter, register } = derived;
    // participantCase → visibleCase; pastDate → dateGuards' lambdas.
    expect(cases['LinkCase']).toEqual(
      expect.arrayContaining(['CASE_NOT_FOUND', 'CASE_INVITEE_MAY_ONLY_REPLY']),
    );
    expect(cases['RecordActivity']).toEqual(
      expect.arrayContaining(['CASE_DATE_IN_FUTURE', 'CASE_INVALID_INPUT']),
    );
    // Registration creates the case: it never answers that the case is unknown.
    expect(cases['RegisterCase']).not.toContain('CASE_NOT_FOUND');
    expect(cases['RegisterCase']).not.toContain('CASE_CLOSED');
    // The checks before the switch (auditors never write) belong to every act of the decider.
    for (const codes of Object.values(letter)) expect(codes).toContain('LETTER_AUDITOR_READ_ONLY');
    for (const codes of Object.values(register)) expect(codes).toContain('REGISTER_ACTOR_NOT_AGENCY');
    // A deadline is computed through the calendar interface: its implementation's refusals are reached.
    expect(cases['IssueInvitation']).toContain('CALENDAR_INVALID_PERIOD');
  });

  it('names only codes that exist, and every act of every decider', () => {
    const known = new Set(allErrorCodes().keys());
    for (const acts of Object.values(derived))
      for (const codes of Object.values(acts)) for (const code of codes) expect(known).toContain(code);
    const used = new Set(Object.values(derived).flatMap((acts) => Object.values(acts).flat()));
    // Every case, letter and register refusal is reachable from some act (none is dead).
    for (const errors of [caseError, letterError, registerError])
      for (const code of Object.keys(errors.catalogue))
        expect({ code, used: used.has(code) }).toEqual({ code, used: true });
  });
});
