import { caseShared } from './cases';
import { CASE_ACT_SLICES } from './cases/case-acts';
import { assessEligibility } from './cases/assess-eligibility';
import { getCase } from './cases/get-case';
import { getCaseHistory } from './cases/get-case-history';
import { listCases } from './cases/list-cases';
import { openResolution } from './cases/open-resolution';
import { recordActivity } from './cases/record-activity';
import { registerCase } from './cases/register-case';
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

/** Every slice the API serves. Adding an act is one line here, pointing at its folder's index. */
export const SLICES: readonly Slice[] = [
  caseShared,
  // Before the case slices: `/cases/stuck` is a route of its own, not a case id.
  ...QUERY_SLICES,
  registerCase,
  getCase,
  getCaseHistory,
  listCases,
  assessEligibility,
  openResolution,
  recordActivity,
  ...CASE_ACT_SLICES,
  ...LETTER_SLICES,
  ...REGISTER_SLICES,
  ...MEDIATOR_SLICES,
  ...AGENCY_SLICES,
  ...COMMENDATION_SLICES,
  ...MEETING_SLICES,
  ...LEDGER_SLICES,
  dashboard,
];
