import { CASE_SLICE } from './cases/case-acts';
import { decideSlice } from './decide';
import { AGENCY_SLICES } from './agencies';
import { COMMENDATION_SLICES } from './commendations';
import { LEDGER_SLICES } from './ledger';
import { dashboard } from './dashboard';
import { LETTER_SLICES } from './letters';
import { MEDIATOR_SLICES } from './mediators';
import { MEETING_SLICES } from './meetings';
import { QUERY_SLICES } from './queries';
import { REGISTER_SLICES } from './register';
import type { Slice } from './slice';

/** Every slice the API serves. A case act is one line in `cases/case-acts.ts`; other aggregates list theirs in their index. */
export const SLICES: readonly Slice[] = [
  decideSlice,
  // Before the case slices: `/cases/stuck` is a route of its own, not a case id.
  ...QUERY_SLICES,
  CASE_SLICE,
  ...LETTER_SLICES,
  ...REGISTER_SLICES,
  ...MEDIATOR_SLICES,
  ...AGENCY_SLICES,
  ...COMMENDATION_SLICES,
  ...MEETING_SLICES,
  ...LEDGER_SLICES,
  dashboard,
];
