import type { Actor } from '@accord/events';
import {
  caseAccess,
  caseDecider,
  type CaseState,
  letterDecider,
  type LetterState,
  mediatorDecider,
  meetingDecider,
  type MeetingState,
  partyRegisterDecider,
} from '@accord/domain';
import type { WriteVisibility } from '../pipeline/command-pipeline';
import { canSeeLetter } from './letters/letter-stream';
import { canSeePool } from './mediators/mediator-stream';
import { canSeeMeeting } from './meetings/meeting-stream';
import { canSeeRegister } from './register/party-stream';

/**
 * Art 17 for writes: who may see an existing stream, per decider. The pipeline decides a command on a
 * stream the caller may not see as if the stream did not exist, so the answer (status, code, details)
 * is exactly the one for an unknown id: no write route is an oracle for what the reads hide.
 */
export const WRITE_VISIBILITY: WriteVisibility = new Map<unknown, (state: never, actor: Actor) => boolean>([
  [caseDecider, (state: CaseState, actor: Actor) => caseAccess(state, actor.agency) !== 'none'],
  [letterDecider, (state: LetterState, actor: Actor) => canSeeLetter(state, actor)],
  [meetingDecider, (state: MeetingState, actor: Actor) => canSeeMeeting(state, actor)],
  [mediatorDecider, (_state: unknown, actor: Actor) => canSeePool(actor)],
  [partyRegisterDecider, (_state: unknown, actor: Actor) => canSeeRegister(actor)],
]);
