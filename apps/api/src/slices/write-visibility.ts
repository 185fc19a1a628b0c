import type { Actor } from '@accord/events';
import {
  canSeeLetter,
  canSeeMeeting,
  canSeePool,
  canSeeRegister,
  caseDecider,
  caseVisibleToCommand,
  letterDecider,
  mediatorDecider,
  meetingDecider,
  partyRegisterDecider,
} from '@accord/domain';
import type { WriteVisibility } from '../pipeline/command-pipeline';

/**
 * Art 17 for writes: who may see an existing stream, per decider (the rules are the domain's). The
 * pipeline decides a command on a stream the caller may not see as if the stream did not exist, so
 * the answer (status, code, details) is exactly the one for an unknown id: no write route is an
 * oracle for what the reads hide.
 */
export const WRITE_VISIBILITY: WriteVisibility = new Map<
  unknown,
  (state: never, actor: Actor, command: never) => boolean
>([
  [caseDecider, caseVisibleToCommand],
  [letterDecider, canSeeLetter],
  [meetingDecider, canSeeMeeting],
  [mediatorDecider, (_state: unknown, actor: Actor) => canSeePool(actor)],
  [partyRegisterDecider, (_state: unknown, actor: Actor) => canSeeRegister(actor)],
]);
