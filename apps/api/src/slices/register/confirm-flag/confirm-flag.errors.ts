import { defineErrors } from '@accord/domain';

/**
 * The decider cannot see the meeting stream (docs/rules.md, Art 11),
 * so the edge checks the meeting a confirmation cites.
 */
export const flagMeetingError = defineErrors({
  FLAG_MEETING_NOT_FOUND: {
    kind: 'rule',
    article: 'Art 11, Art 14',
    en: 'The joint meeting cited for this confirmation is not on record.',
    zh: '确认所依据的联席会议没有记录。',
  },
  FLAG_MEETING_NOT_JOINT: {
    kind: 'rule',
    article: 'Art 11, Art 14',
    en: 'The meeting cited was not a joint meeting: at least two of the three agencies must have attended.',
    zh: '所依据的会议不是联席会议：三家单位中至少须有两家出席。',
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
