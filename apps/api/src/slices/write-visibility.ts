import type { Actor } from '@accord/events';
import {
  absenceViewFor,
  caseAccess,
  type CaseCommand,
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
export const WRITE_VISIBILITY: WriteVisibility = new Map<
  unknown,
  (state: never, actor: Actor, command: never) => boolean
>([
  [
    caseDecider,
    (state: CaseState, actor: Actor, command: CaseCommand) =>
      caseAccess(state, actor.agency) !== 'none' ||
      // Art 12 (v2): the government office reports an unjustified absence whether or not it takes part
      // in the case, seeing only that absence (as GET …/absence shows it), never the case.
      (command.type === 'ReportAbsence' &&
        absenceViewFor(state, actor.agency, command.data.requestId) !== null),
  ],
  [letterDecider, (state: LetterState, actor: Actor) => canSeeLetter(state, actor)],
  [meetingDecider, (state: MeetingState, actor: Actor) => canSeeMeeting(state, actor)],
  [mediatorDecider, (_state: unknown, actor: Actor) => canSeePool(actor)],
  [partyRegisterDecider, (_state: unknown, actor: Actor) => canSeeRegister(actor)],
]);
