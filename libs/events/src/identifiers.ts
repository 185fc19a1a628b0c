import { type ActorAgency, isAgency, isOrgan, type Role } from './event';

/**
 * One strict spelling for an administrative organ's code, everywhere (case respondents, letter
 * addressees, mediators' organisations, `ORGAN:<code>` tokens): ASCII letters and digits in words
 * joined by single hyphens, at most 64 characters. A lookalike (a zero-width space, a NUL, a
 * non-breaking hyphen, a fullwidth letter) does not match it, so it cannot pose as another organ in
 * the Art 13 conflict-of-interest check. Letters are ASCII in either case (`LS-NRB`); codes are
 * compared case-insensitively.
 */
export const ORGAN_CODE_PATTERN = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
export const ORGAN_CODE_MAX = 64;

export function isOrganCode(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= ORGAN_CODE_MAX &&
    ORGAN_CODE_PATTERN.test(value)
  );
}

/** The form two codes are compared in: NFKC, lowercase (events written before the strict format included). */
export function organCodeKey(code: string): string {
  return code.normalize('NFKC').toLowerCase();
}

/** Whether two organ codes name the same organ (Art 13: a mediator from the respondent organ). */
export function sameOrganCode(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && organCodeKey(a) === organCodeKey(b);
}

/**
 * Characters no free text may hold: C0/C1 controls other than tab, line feed and carriage return;
 * bidirectional overrides, embeddings and isolates (they make text read differently from what is
 * stored); zero-width and invisible format characters (they make lookalikes); lone surrogates
 * (not text at all). We refuse them rather than store them escaped: nothing in the Measures needs
 * them, and a refusal names the field, so the clerk can fix the source.
 */
// Controls and combining format characters are the point of this class, so both rules are off here.
/* eslint-disable no-control-regex, no-misleading-character-class */
const UNSAFE_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
/* eslint-enable no-control-regex, no-misleading-character-class */

/** The first unsafe character of `text` as `U+XXXX`, or null when the text is safe. */
export function unsafeCharacterIn(text: string): string | null {
  const match = UNSAFE_TEXT.exec(text);
  if (!match) return null;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** An identifier (party id, case number, staff id …): safe text without line breaks or tabs. */
export function unsafeIdentifierCharacterIn(text: string): string | null {
  const control = /[\t\n\r]/.exec(text);
  return control
    ? `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
    : unsafeCharacterIn(text);
}

/** Names that would mean something to a JavaScript object if used as a key or a stream's suffix. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(
  Object.getOwnPropertyNames(Object.prototype).concat(['prototype']),
);

/**
 * Which roles each kind of holder may hold (Art 8, Art 17). The three agencies' staff hold any role
 * (an agency's inspection and discipline staff audit); an administrative organ's staff only answer
 * the letters addressed to their organ, so `clerk` is the one role an `ORGAN:<code>` may hold —
 * never `auditor` (it would read every case, including those where the organ is the respondent)
 * nor `lead` (whose acts are the agencies' own).
 */
export const ROLES_BY_HOLDER: Readonly<Record<'agency' | 'organ', readonly Role[]>> = {
  agency: ['clerk', 'lead', 'auditor'],
  organ: ['clerk'],
};

export function mayHoldRole(agency: ActorAgency | string, role: Role): boolean {
  if (isAgency(agency)) return ROLES_BY_HOLDER.agency.includes(role);
  if (typeof agency === 'string' && isOrgan(agency)) return ROLES_BY_HOLDER.organ.includes(role);
  return false;
}
