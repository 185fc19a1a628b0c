import type { Slice } from '../slice';
import { addIntegrityNote } from './add-integrity-note';
import { confirmFlag } from './confirm-flag';
import { contestFlag } from './contest-flag';
import { decideContest } from './decide-contest';
import { expireFlag } from './expire-flag';
import { getPartyRegister } from './get-party-register';
import { proposeFlag } from './propose-flag';
import { recordFlagNotification } from './record-flag-notification';
import { withdrawFlag } from './withdraw-flag';

export const REGISTER_SLICES: readonly Slice[] = [
  addIntegrityNote,
  proposeFlag,
  confirmFlag,
  recordFlagNotification,
  contestFlag,
  decideContest,
  withdrawFlag,
  expireFlag,
  getPartyRegister,
];
