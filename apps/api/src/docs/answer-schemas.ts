import type { Schema } from '../http/schema';
import { AGENCY_VIEW_SCHEMAS } from '../slices/agencies/get-agency/agency-view.schema';
import { HISTORY_SCHEMAS } from '../slices/cases/get-case-history/history.schema';
import { ABSENCE_VIEW_SCHEMAS } from '../slices/cases/report-absence/absence-view.schema';
import { CASE_VIEW_SCHEMAS } from '../slices/cases/get-case/case-view.schema';
import { COMMENDATION_VIEW_SCHEMAS } from '../slices/commendations/read-commendations/commendation-view.schema';
import { VERIFY_RUN_SCHEMAS } from '../slices/ledger/get-verify-run/verify-run.schema';
import { LETTER_VIEW_SCHEMAS } from '../slices/letters/get-letter/letter-view.schema';
import { MEDIATOR_VIEW_SCHEMAS } from '../slices/mediators/get-mediator/mediator-view.schema';
import { MEETING_VIEW_SCHEMAS } from '../slices/meetings/get-meeting/meeting-view.schema';
import { REGISTER_VIEW_SCHEMAS } from '../slices/register/get-party-register/register-view.schema';

/** The named answer schemas each read slice declares beside it; one line per slice. */
export const ANSWER_SCHEMAS: Readonly<Record<string, Schema>> = {
  ...CASE_VIEW_SCHEMAS,
  ...ABSENCE_VIEW_SCHEMAS,
  ...HISTORY_SCHEMAS,
  ...LETTER_VIEW_SCHEMAS,
  ...REGISTER_VIEW_SCHEMAS,
  ...MEETING_VIEW_SCHEMAS,
  ...MEDIATOR_VIEW_SCHEMAS,
  ...AGENCY_VIEW_SCHEMAS,
  ...COMMENDATION_VIEW_SCHEMAS,
  ...VERIFY_RUN_SCHEMAS,
};
