import { ACTIVITY_KINDS, CONSENT_STATES, type CaseEvent } from '@accord/events';
import type { CoordinateRelief, RecordActivity, RecordConsent } from '../case.commands';
import { caseError } from '../case.errors';
import {
  notBefore,
  partyOf,
  optionalText,
  participantCase,
  pastDate,
  requireBoolean,
  requireLeadAgency,
  requireNewId,
  requireOneOf,
  requireText,
  requireTextList,
  today,
} from '../case.guards';
import type { CaseState } from '../case.state';

/**
 * Arts 2, 6 and 9: the parties' consent, the methods of a resolution effort, and relief for hardship.
 */

export function recordConsent({ data, metadata }: RecordConsent, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  const party = partyOf(s, data.partyId);
  const consent = requireOneOf(data.consent, CONSENT_STATES, 'consent');
  const on = pastDate(data.on, 'on', today(metadata));
  // Art 2 (自愿): the latest record is the party's current will, so records must run forward in time.
  if (party.consentOn !== null && on < party.consentOn) {
    throw caseError('CONSENT_OUT_OF_ORDER', { partyId: party.partyId, on, latest: party.consentOn });
  }
  return [
    {
      type: 'ConsentRecorded',
      data: { caseId: s.caseId, partyId: party.partyId, consent, on, note: data.note ?? '' },
    },
  ];
}

export function recordActivity({ data, metadata }: RecordActivity, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  // Art 6 lists the methods of a resolution effort; they are its acts, so one must be under way.
  if (!s.resolution || s.resolution.status !== 'open') {
    throw caseError('RESOLUTION_NOT_OPEN', { resolution: s.resolution?.status ?? null });
  }
  const activityId = requireNewId(s.activities, (a) => a.activityId, data.activityId, 'activity');
  const kind = requireOneOf(data.kind, ACTIVITY_KINDS, 'kind');
  const description = optionalText(data.description, 'description');
  if (kind === 'OTHER' && description === null) throw caseError('ACTIVITY_DESCRIPTION_MISSING');
  const heldOn = pastDate(data.heldOn, 'heldOn', today(metadata));
  notBefore(heldOn, 'heldOn', s.resolution.openedOn, 'resolution openedOn');
  if (!Array.isArray(data.agencies) || data.agencies.length === 0) {
    throw caseError('CASE_INVALID_INPUT', { field: 'agencies', problem: 'must name at least one agency' });
  }
  // Art 17: only agencies taking part are let into the case's sessions.
  const outsiders = data.agencies.filter((a) => !s.participants.includes(a));
  if (outsiders.length > 0) throw caseError('ACTIVITY_AGENCY_NOT_PARTICIPANT', { agencies: outsiders });
  const partyIds = requireTextList(data.partyIds, 'partyIds');
  for (const partyId of partyIds) partyOf(s, partyId);
  return [
    {
      type: 'ActivityRecorded',
      data: {
        caseId: s.caseId,
        activityId,
        kind,
        description,
        heldOn,
        agencies: [...new Set(data.agencies)],
        partyIds: [...new Set(partyIds)],
        others: requireTextList(data.others, 'others'),
      },
    },
  ];
}

export function coordinateRelief({ data, metadata }: CoordinateRelief, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  // Art 9: 负责化解工作的机关 — the agency leading the resolution effort coordinates relief.
  requireLeadAgency(s, agency, 'CoordinateRelief');
  if (!s.resolution) throw caseError('RELIEF_NEEDS_RESOLUTION');
  const party = partyOf(s, data.partyId);
  const noEffectiveRemedy = requireBoolean(data.noEffectiveRemedy, 'noEffectiveRemedy');
  const greatHardship = requireBoolean(data.greatHardship, 'greatHardship');
  if (!noEffectiveRemedy || !greatHardship) {
    throw caseError('RELIEF_PRECONDITION_NOT_MET', { noEffectiveRemedy, greatHardship });
  }
  const reliefId = requireNewId(s.reliefs, (r) => r.reliefId, data.reliefId, 'relief');
  const coordinatedOn = pastDate(data.coordinatedOn, 'coordinatedOn', today(metadata));
  notBefore(coordinatedOn, 'coordinatedOn', s.resolution.openedOn, 'resolution openedOn');
  return [
    {
      type: 'ReliefCoordinated',
      data: {
        caseId: s.caseId,
        reliefId,
        partyId: party.partyId,
        department: requireText(data.department, 'department'),
        coordinatedOn,
        noEffectiveRemedy: true,
        greatHardship: true,
        basis: requireText(data.basis, 'basis'),
      },
    },
  ];
}
