import { DATE_IN_FUTURE_SPEC, invalidInputSpec } from '../shared/input-guards';
import { defineErrors } from '../shared/rule-error';

export const liaisonError = defineErrors({
  LIAISON_AUDITOR_READ_ONLY: {
    kind: 'forbidden',
    en: 'Auditors read the ledger; they do not write to it.',
    zh: '审计人员只能查阅台账，不能写入。',
  },
  LIAISON_NOT_OWN_AGENCY: {
    kind: 'forbidden',
    article: 'Art 16',
    en: "Each agency names its own liaison; no agency names another's.",
    zh: '联络人由各单位自行确定，不得为其他单位确定。',
  },
  LIAISON_NEEDS_LEAD: {
    kind: 'forbidden',
    article: 'Art 16',
    en: "An agency's liaison is designated by one of its leads.",
    zh: '联络人由本单位负责人确定。',
  },
  LIAISON_INVALID_INPUT: invalidInputSpec({ en: 'liaison designation', zh: '联络人指令' }),
  LIAISON_AGENCY_MISMATCH: {
    kind: 'conflict',
    en: 'This record belongs to another agency.',
    zh: '该记录属于其他单位。',
  },
  LIAISON_DATE_IN_FUTURE: DATE_IN_FUTURE_SPEC,
  LIAISON_DATE_OUT_OF_ORDER: {
    kind: 'rule',
    article: 'Art 16',
    en: "A new liaison's term cannot start before the current liaison's.",
    zh: '新联络人的起始日期不得早于现任联络人的起始日期。',
  },
  LIAISON_ALREADY_CURRENT: {
    kind: 'conflict',
    article: 'Art 16',
    en: 'This person is already the liaison.',
    zh: '此人已是现任联络人。',
  },
});
