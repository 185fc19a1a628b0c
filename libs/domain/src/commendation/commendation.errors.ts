import { DATE_IN_FUTURE_SPEC } from '../shared/input-guards';
import { defineErrors } from '../shared/rule-error';

export const commendationError = defineErrors({
  COMMENDATION_AUDITOR_READ_ONLY: {
    kind: 'forbidden',
    en: 'Auditors read the ledger; they do not write to it.',
    zh: '审计人员只能查阅台账，不能写入。',
  },
  COMMENDATION_NOT_GOV_OFFICE: {
    kind: 'forbidden',
    article: 'Art 12',
    en: 'Only the county government office commends administrative organs.',
    zh: '通报表扬由县政府办作出。',
  },
  COMMENDATION_INVALID_INPUT: {
    kind: 'rule',
    article: 'Art 12',
    en: 'A commendation names the organ and the reason for it.',
    zh: '通报表扬应当写明行政机关及表扬理由。',
  },
  COMMENDATION_DATE_IN_FUTURE: DATE_IN_FUTURE_SPEC,
  COMMENDATION_NOT_FOUND: {
    article: 'Art 12',
    kind: 'not_found',
    en: 'No such commendation.',
    zh: '该通报表扬不存在。',
  },
  COMMENDATION_ALREADY_RECORDED: {
    kind: 'conflict',
    en: 'This commendation has already been recorded.',
    zh: '该通报表扬已记录。',
  },
});
