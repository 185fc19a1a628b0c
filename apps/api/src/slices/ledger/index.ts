import type { Slice } from '../slice';
import { GetCheckpointController } from './get-checkpoint/get-checkpoint.controller';
import { ProofsController } from './get-proofs/proofs.controller';
import { GetVerifyRunController } from './get-verify-run/get-verify-run.controller';
import { LedgerTree } from './ledger-tree';

/** The verifiable audit trail at the HTTP edge: the co-signed checkpoint and proofs (issue 11), the last verify run. */
export const LEDGER_SLICES: readonly Slice[] = [
  { controllers: [GetCheckpointController], providers: [LedgerTree] },
  { controllers: [ProofsController] },
  { controllers: [GetVerifyRunController] },
];
