import { DATE_IN_FUTURE_SPEC, invalidInputSpec } from '../shared/input-guards';
import { defineErrors } from '../shared/rule-error';

export const registerError = defineErrors({
  REGISTER_AUDITOR_READ_ONLY: {
    kind: 'forbidden',
    en: 'Auditors read the ledger; they do not write to it.',
    zh: '审计人员只能查阅台账，不能写入。',
  },
  REGISTER_ACTOR_NOT_AGENCY: {
    kind: 'forbidden',
    article: 'Art 11',
    en: 'Only the court, the procuratorate and the government office keep the integrity register.',
    zh: '诚信档案由县法院、县检察院、县政府办建立和维护。',
  },
  REGISTER_INVALID_INPUT: invalidInputSpec({ en: 'register command', zh: '诚信档案指令' }),
  REGISTER_DATE_IN_FUTURE: DATE_IN_FUTURE_SPEC,
  REGISTER_DATE_OUT_OF_ORDER: {
    kind: 'rule',
    article: 'Art 11',
    en: 'The date is earlier than a step it must follow.',
    zh: '日期早于其应当在后的前一环节。',
  },
  REGISTER_PARTY_IDENTITY_REQUIRED: {
    kind: 'rule',
    article: 'Art 11',
    en: "A party's first register entry must state the party's kind and name.",
    zh: '当事人首次记入档案时，应当写明其类型和名称。',
  },
  REGISTER_PARTY_MISMATCH: {
    kind: 'conflict',
    article: 'Art 11',
    en: 'The party named does not match the party this register belongs to.',
    zh: '所填当事人与该档案所属当事人不一致。',
  },
  REGISTER_PARTY_NOT_FOUND: {
    kind: 'not_found',
    en: 'This party has no register entries.',
    zh: '该当事人尚无档案记录。',
  },
  REGISTER_NOTE_DUPLICATE: {
    kind: 'conflict',
    en: 'A note with this id is already on the register.',
    zh: '该编号的诚信记录已存在。',
  },
  FLAG_DUPLICATE: {
    kind: 'conflict',
    en: 'A flag with this id already exists.',
    zh: '该编号的滥诉标记已存在。',
  },
  FLAG_NEEDS_GROUNDS_AND_EVIDENCE: {
    kind: 'rule',
    article: 'Art 11',
    en: 'A flag proposal names its grounds and at least one case as evidence.',
    zh: '提出滥诉标记应当写明理由，并至少列明一件案件作为依据。',
  },
  FLAG_ALREADY_ACTIVE: {
    kind: 'conflict',
    article: 'Art 11',
    en: 'The party already has a flag proposed or in force; decide that one first.',
    zh: '该当事人已有待确认或有效的滥诉标记，应先处理该标记。',
  },
  FLAG_NOT_FOUND: {
    kind: 'not_found',
    en: 'No such flag on this register.',
    zh: '该档案中没有此滥诉标记。',
  },
  FLAG_ENDED: {
    kind: 'conflict',
    article: 'Art 11',
    en: 'The flag has been revoked, withdrawn or has expired; it takes nothing more.',
    zh: '该标记已撤销、撤回或期满失效，不再接受任何记录。',
  },
  FLAG_NOT_PROPOSED: {
    kind: 'conflict',
    article: 'Art 11',
    en: 'Only a proposed flag can be confirmed.',
    zh: '只有处于提出状态的标记才能确认。',
  },
  FLAG_NOT_CONFIRMED: {
    kind: 'rule',
    article: 'Art 11',
    en: 'The flag has not been confirmed.',
    zh: '该标记尚未确认。',
  },
  FLAG_SELF_CONFIRMATION: {
    kind: 'forbidden',
    article: 'Art 11',
    en: 'A flag is confirmed by an agency other than the one that proposed it, or by a joint meeting.',
    zh: '滥诉标记应当由提出机关以外的机关确认，或经联席会议确认。',
  },
  FLAG_NEEDS_LEAD: {
    kind: 'forbidden',
    article: 'Art 11',
    en: 'Confirming a flag or deciding a contest is for a lead, not a clerk.',
    zh: '确认标记或对异议作出决定，应当由负责人作出。',
  },
  FLAG_REVIEW_NOT_AFTER_CONFIRMATION: {
    kind: 'rule',
    article: 'Art 11',
    en: "A flag's review date must come after its confirmation.",
    zh: '标记的复核日期应当在确认日期之后。',
  },
  FLAG_REVIEW_TOO_FAR: {
    kind: 'rule',
    article: 'Art 11',
    en: "A flag's review date may not be later than the longest review period allows.",
    zh: '标记的复核日期不得超过规定的最长复核期限。',
  },
  FLAG_ALREADY_NOTIFIED: {
    kind: 'conflict',
    article: 'Art 11',
    en: 'The party has already been notified of this flag.',
    zh: '已就该标记告知当事人。',
  },
  FLAG_NOT_NOTIFIED: {
    kind: 'rule',
    article: 'Art 11',
    en: 'A flag is contested after the party has been notified of it.',
    zh: '当事人在被告知标记后方可提出异议。',
  },
  FLAG_CONTEST_PENDING: {
    kind: 'conflict',
    article: 'Art 11',
    en: 'A contest of this flag is already awaiting decision.',
    zh: '该标记已有待决的异议。',
  },
  FLAG_CONTEST_COOLDOWN: {
    kind: 'rule',
    article: 'Art 11',
    en: 'After a contest is rejected, a new contest waits for the cooling-off period to run.',
    zh: '异议被驳回后，须待冷静期届满方可再次提出异议。',
  },
  FLAG_CONTEST_DUPLICATE: {
    kind: 'conflict',
    en: 'A contest with this id already exists.',
    zh: '该编号的异议已存在。',
  },
  FLAG_CONTEST_NOT_FOUND: {
    kind: 'not_found',
    en: 'No such contest of this flag awaits decision.',
    zh: '该标记没有此项待决异议。',
  },
  FLAG_CONTEST_DECIDER_IS_PROPOSER: {
    kind: 'forbidden',
    article: 'Art 11',
    en: 'A contest is decided by an agency other than the one that proposed the flag.',
    zh: '异议应当由提出标记机关以外的机关作出决定。',
  },
  FLAG_WITHDRAWER_NOT_INVOLVED: {
    kind: 'forbidden',
    article: 'Art 11',
    en: 'A flag is withdrawn by the agency that proposed it or the agency that confirmed it.',
    zh: '标记由提出机关或确认机关撤回。',
  },
  FLAG_NOT_YET_DUE_FOR_REVIEW: {
    kind: 'rule',
    article: 'Art 11',
    en: 'A flag expires on or after its review date, not before.',
    zh: '标记在复核日期届至时方可期满失效。',
  },
  FLAG_MEETING_NOT_FOUND: {
    kind: 'rule',
    article: 'Art 11, Art 14',
    en: 'The joint meeting cited for this confirmation is not on record.',
    zh: '确认所依据的联席会议没有记录。',
  },
  FLAG_MEETING_NOT_JOINT: {
    kind: 'rule',
    article: 'Art 11, Art 14',
    en: 'The meeting cited is not joint: at least two of the three agencies must have attended, and every agency listed must have acknowledged its attendance itself.',
    zh: '所依据的会议不是联席会议：三家单位中至少须有两家出席，且所列每家单位均须自行确认出席。',
  },
  FLAG_MEETING_NOT_ATTENDED: {
    kind: 'rule',
    article: 'Art 11, Art 14',
    en: 'Your agency did not attend the meeting cited, so it cannot record that meeting’s decision.',
    zh: '贵单位未出席所依据的会议，不能记录该会议的决定。',
  },
  FLAG_MEETING_AFTER_CONFIRMATION: {
    kind: 'rule',
    article: 'Art 11, Art 14',
    en: 'The meeting cited was held after the confirmation date.',
    zh: '所依据的会议召开日期晚于确认日期。',
  },
});

export type RegisterErrorCode = keyof typeof registerError.catalogue;
