import type { ActorAgency } from '@accord/events';
import { caseAccess, type CaseState } from '../case/case.state';
import type { MeetingCaseFacts } from './meeting.decider';

/** What a case a meeting names is to its convener (Art 14, Art 17): all the decider learns of it. */
export function meetingCaseFacts(state: CaseState, convener: ActorAgency): MeetingCaseFacts {
  return {
    exists: state.status !== 'none',
    convenerTakesPart: caseAccess(state, convener) === 'participant',
  };
}
