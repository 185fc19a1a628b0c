import { DATE_IN_FUTURE_SPEC, invalidInputSpec } from '../shared/input-guards';
import { defineErrors } from '../shared/rule-error';

export const mediatorError = defineErrors({
  MEDIATOR_AUDITOR_READ_ONLY: {
    kind: 'forbidden',
    en: 'Auditors read the ledger; they do not write to it.',
    zh: '审计人员只能查阅台账，不能写入。',
  },
  MEDIATOR_NOT_POOL_MANAGER: {
    kind: 'forbidden',
    article: 'Art 13',
    en: 'The talent pool is managed by a lead of the court, the procuratorate or the government office.',
    zh: '人才库由县法院、县检察院、县政府办的负责人管理。',
  },
  MEDIATOR_INVALID_INPUT: invalidInputSpec({ en: 'mediator command', zh: '人才库指令' }),
  MEDIATOR_ORGANISATION_REQUIRED: {
    kind: 'rule',
    article: 'Art 13',
    en: 'A member drawn from a judicial or administrative organ names that organ, so conflicts of interest can be seen.',
    zh: '来自司法机关或行政机关的人员应当写明所在机关，以便识别利益冲突。',
  },
  MEDIATOR_DATE_IN_FUTURE: DATE_IN_FUTURE_SPEC,
  MEDIATOR_DATE_OUT_OF_ORDER: {
    kind: 'rule',
    article: 'Art 13',
    en: "The date is earlier than the member's last recorded change.",
    zh: '日期早于该人员上一次记录的变动。',
  },
  MEDIATOR_ALREADY_ADMITTED: {
    kind: 'conflict',
    en: 'This member has already been admitted to the pool.',
    zh: '该人员已入库。',
  },
  MEDIATOR_NOT_FOUND: {
    kind: 'not_found',
    en: 'No such member of the talent pool.',
    zh: '人才库中没有该人员。',
  },
  MEDIATOR_NOT_ACTIVE: {
    kind: 'conflict',
    article: 'Art 13',
    en: 'Only an active member can be suspended.',
    zh: '只有在库正常状态的人员才能暂停。',
  },
  MEDIATOR_NOT_SUSPENDED: {
    kind: 'conflict',
    article: 'Art 13',
    en: 'Only a suspended member can be reinstated.',
    zh: '只有被暂停的人员才能恢复。',
  },
  MEDIATOR_REMOVED: {
    kind: 'conflict',
    article: 'Art 13',
    en: 'The member has been removed from the pool; removal is final.',
    zh: '该人员已出库，出库为终局决定。',
  },
});
