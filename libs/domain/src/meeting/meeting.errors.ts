import { DATE_IN_FUTURE_SPEC, invalidInputSpec } from '../shared/input-guards';
import { defineErrors } from '../shared/rule-error';

export const meetingError = defineErrors({
  MEETING_AUDITOR_READ_ONLY: {
    kind: 'forbidden',
    en: 'Auditors read the ledger; they do not write to it.',
    zh: '审计人员只能查阅台账，不能写入。',
  },
  MEETING_CONVENER_NOT_AGENCY: {
    kind: 'forbidden',
    article: 'Art 14',
    en: 'Meetings are convened and recorded by the court, the procuratorate or the government office.',
    zh: '联席会议和专题会议由县法院、县检察院或县政府办召集并记录。',
  },
  MEETING_INVALID_INPUT: invalidInputSpec({ en: 'meeting record', zh: '会议记录' }),
  MEETING_DATE_IN_FUTURE: DATE_IN_FUTURE_SPEC,
  MEETING_ALREADY_RECORDED: {
    kind: 'conflict',
    en: 'This meeting has already been recorded.',
    zh: '该会议已记录。',
  },
  MEETING_TOO_FEW_AGENCIES: {
    kind: 'rule',
    article: 'Art 14',
    en: 'A joint or special meeting needs at least two of the three agencies attending.',
    zh: '联席会议或专题会议应当至少有两家单位参加。',
  },
  MEETING_CONVENER_ABSENT: {
    kind: 'rule',
    article: 'Art 14',
    en: 'The convening agency must attend its own meeting.',
    zh: '召集单位应当参加会议。',
  },
  MEETING_SPECIAL_NEEDS_CASE: {
    kind: 'rule',
    article: 'Art 14',
    en: 'A special meeting is about at least one named case.',
    zh: '专题会议应当至少针对一件具体案件。',
  },
  MEETING_SPECIAL_NEEDS_REASON: {
    kind: 'rule',
    article: 'Art 14',
    en: 'A special meeting states why its cases are major, sensitive or difficult.',
    zh: '专题会议应当说明案件属于重大、敏感或疑难的理由。',
  },
  MEETING_NO_CONCLUSIONS: {
    kind: 'rule',
    article: 'Art 14',
    en: 'A meeting record states its conclusions (even that none was reached).',
    zh: '会议记录应当写明会议结论（包括未形成结论的情况）。',
  },
  MEETING_CASE_NOT_FOUND: {
    kind: 'not_found',
    article: 'Art 14, Art 17',
    en: 'The meeting record names a case that does not exist or that the convening agency does not take part in.',
    zh: '会议记录所列案件不存在，或召集单位未参与该案件。',
  },
  MEETING_NOT_FOUND: {
    kind: 'not_found',
    article: 'Art 14',
    en: 'No such meeting is on record for your agency.',
    zh: '没有贵单位可查阅的该会议记录。',
  },
  MEETING_ATTENDANCE_ALREADY_ACKNOWLEDGED: {
    kind: 'conflict',
    article: 'Art 14',
    en: 'Your agency has already acknowledged its attendance at this meeting.',
    zh: '贵单位已确认出席该会议。',
  },
  MEETING_ACKNOWLEDGED_BEFORE_HELD: {
    kind: 'rule',
    article: 'Art 14',
    en: 'Attendance cannot be acknowledged before the meeting was held.',
    zh: '不能在会议召开之前确认出席。',
  },
});
