import { DATE_IN_FUTURE_SPEC, invalidInputSpec } from '../shared/input-guards';
import { defineErrors } from '../shared/rule-error';

export const letterError = defineErrors({
  LETTER_AUDITOR_READ_ONLY: {
    kind: 'forbidden',
    en: 'Auditors read the ledger; they do not write to it.',
    zh: '审计人员只能查阅台账，不能写入。',
  },
  LETTER_INVALID_INPUT: invalidInputSpec({ en: 'letter command', zh: '建议书指令' }),
  LETTER_CASE_REQUIRED: {
    article: 'Art 8',
    kind: 'rule',
    en: 'A letter is issued in the course of resolving a dispute: it names the case it comes from.',
    zh: '建议书在行政争议化解过程中提出，应当写明所涉案件。',
  },
  LETTER_CASE_NOT_FOUND: {
    article: 'Art 8, Art 17',
    kind: 'not_found',
    en: 'The letter names no case that the issuing agency takes part in.',
    zh: '建议书所涉案件不存在，或提出单位未参与该案件。',
  },
  LETTER_NOT_FOUND: {
    kind: 'not_found',
    en: 'No such suggestion letter has been issued.',
    zh: '该建议书尚未制发。',
  },
  LETTER_ALREADY_ISSUED: {
    kind: 'conflict',
    en: 'This letter has already been issued.',
    zh: '该建议书已经制发。',
  },
  LETTER_CLOSED: {
    kind: 'conflict',
    article: 'Art 8',
    en: 'The letter is closed and takes nothing more.',
    zh: '该建议书已办结，不再接受任何记录。',
  },
  LETTER_ISSUER_NOT_AGENCY: {
    kind: 'forbidden',
    article: 'Art 8',
    en: 'Only the court, the procuratorate or the government office issues suggestion letters.',
    zh: '只有县法院、县检察院、县政府办可以提出司法建议、检察建议或行政复议意见书。',
  },
  LETTER_KIND_MISMATCH: {
    kind: 'rule',
    article: 'Art 8',
    en: "A letter's kind follows its issuer: the court a judicial suggestion, the procuratorate a procuratorial suggestion, the government office a reconsideration opinion letter.",
    zh: '建议书种类由制发机关决定：县法院为司法建议，县检察院为检察建议，县政府办为行政复议意见书。',
  },
  LETTER_NOT_ISSUER: {
    kind: 'forbidden',
    article: 'Art 8',
    en: 'Only the agency that issued the letter may serve it, follow it up or close it.',
    zh: '只有制发机关可以送达、督促履行或办结该建议书。',
  },
  LETTER_RESPONDER_NOT_ADDRESSEE: {
    kind: 'forbidden',
    article: 'Art 8',
    en: 'Only the administrative organ the letter is addressed to records its response.',
    zh: '只有建议书所针对的行政机关可以记录其回复。',
  },
  LETTER_DATE_IN_FUTURE: DATE_IN_FUTURE_SPEC,
  LETTER_DATE_OUT_OF_ORDER: {
    kind: 'rule',
    article: 'Art 8',
    en: 'The date is earlier than a step it must follow.',
    zh: '日期早于其应当在后的前一环节。',
  },
  LETTER_ALREADY_SERVED: {
    kind: 'conflict',
    en: 'The letter has already been served.',
    zh: '该建议书已经送达。',
  },
  LETTER_NOT_SERVED: {
    kind: 'rule',
    article: 'Art 8',
    en: 'The letter has not been served yet.',
    zh: '该建议书尚未送达。',
  },
  LETTER_ALREADY_ANSWERED: {
    kind: 'conflict',
    article: 'Art 8',
    en: 'The organ has already responded to this letter; it responds once.',
    zh: '行政机关已对该建议书作出回复，只能回复一次。',
  },
  LETTER_REJECTION_NEEDS_REASONS: {
    kind: 'rule',
    article: 'Art 8',
    en: 'An organ that rejects a letter must give its reasons.',
    zh: '行政机关不采纳建议的，应当说明理由。',
  },
  LETTER_PARTIAL_NEEDS_DETAIL: {
    kind: 'rule',
    article: 'Art 8',
    en: 'A partly adopted letter must say what was not adopted.',
    zh: '部分采纳的，应当写明未采纳的内容。',
  },
  LETTER_NOT_ACTED_UPON: {
    kind: 'rule',
    article: 'Art 8',
    en: 'A letter is closed only after the organ has acted on it (its response is recorded).',
    zh: '行政机关对建议书作出回复后，方可办结。',
  },
});

export type LetterErrorCode = keyof typeof letterError.catalogue;
