import {
  CASE_CHANNELS,
  CASE_PARTY_ID_SCHEMES,
  CASE_PARTY_KINDS,
  LEAD_AGENCY_OF_CHANNEL,
  type CaseEvent,
  type CaseParty,
} from '@accord/events';
import type { LinkCase, RecordNonSupportDecision, RegisterCase } from '../case.commands';
import { caseError } from '../case.errors';
import {
  requireActingAgency,
  notBefore,
  participantCase,
  pastDate,
  requireCount,
  requireOneOf,
  requireText,
  today,
} from '../case.guards';
import type { CaseState } from '../case.state';

/**
 * Art 1 and Art 2: registering a case in its channel, linking the channels of one dispute, and Art 6's
 * non-support decision that opens the supervision channel to invitations.
 */

export function registerCase({ data, metadata }: RegisterCase, state: CaseState): CaseEvent[] {
  const agency = requireActingAgency(metadata);
  const channel = requireOneOf(data.channel, CASE_CHANNELS, 'channel');
  // Art 1: each agency handles its own channel (复议 / 诉讼 / 检察), so only that agency opens a case in it.
  const leadAgency = LEAD_AGENCY_OF_CHANNEL[channel];
  if (agency !== leadAgency) throw caseError('CASE_REGISTRAR_NOT_LEAD', { channel, leadAgency, agency });
  if (state.status !== 'none') throw caseError('CASE_ALREADY_REGISTERED', { caseId: state.caseId });
  const caseId = requireText(data.caseId, 'caseId');
  const acceptedOn = pastDate(data.acceptedOn, 'acceptedOn', today(metadata));
  const parties = validParties(data.parties);
  const respondent = {
    code: requireText(data.respondent?.code, 'respondent.code'),
    name: requireText(data.respondent?.name, 'respondent.name'),
  };
  return [
    {
      type: 'CaseRegistered',
      data: {
        caseId,
        channel,
        leadAgency,
        externalCaseNumber: requireText(data.externalCaseNumber, 'externalCaseNumber'),
        acceptedOn,
        parties,
        respondent,
        matter: requireText(data.matter, 'matter'),
        peopleInvolved: requireCount(data.peopleInvolved, 'peopleInvolved', 1),
      },
    },
  ];
}

const PERSONAL_ID_SCHEMES = ['RESIDENT_ID', 'PASSPORT', 'OTHER'] as const;
const ORGANISATION_ID_SCHEMES = ['USCC', 'OTHER'] as const;

function validParties(value: unknown): CaseParty[] {
  if (!Array.isArray(value))
    throw caseError('CASE_INVALID_INPUT', { field: 'parties', problem: 'must be a list' });
  // Art 2: the Measures protect 自然人、法人和其他组织; a case is about at least one of them.
  if (value.length === 0) throw caseError('CASE_NO_PARTIES');
  const parties = (value as CaseParty[]).map((p, index): CaseParty => {
    const field = `parties[${index}]`;
    const kind = requireOneOf(p?.kind, CASE_PARTY_KINDS, `${field}.kind`);
    const idScheme = requireOneOf(p?.idScheme, CASE_PARTY_ID_SCHEMES, `${field}.idScheme`);
    const allowed: readonly string[] =
      kind === 'NATURAL_PERSON' ? PERSONAL_ID_SCHEMES : ORGANISATION_ID_SCHEMES;
    if (!allowed.includes(idScheme)) {
      throw caseError('CASE_PARTY_IDENTIFIER_INVALID', { partyId: p.partyId, kind, idScheme, allowed });
    }
    return {
      partyId: requireText(p.partyId, `${field}.partyId`),
      kind,
      name: requireText(p.name, `${field}.name`),
      idScheme,
      idNumber: requireText(p.idNumber, `${field}.idNumber`).trim(),
    };
  });
  const ids = new Set<string>();
  const identifiers = new Set<string>();
  for (const p of parties) {
    const identifier = `${p.idScheme}:${p.idNumber.toUpperCase()}`;
    if (ids.has(p.partyId) || identifiers.has(identifier)) {
      throw caseError('CASE_PARTY_DUPLICATE', { partyId: p.partyId });
    }
    ids.add(p.partyId);
    identifiers.add(identifier);
  }
  return parties;
}

export function linkCase({ data, metadata }: LinkCase, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  const linkedCaseId = requireText(data.linkedCaseId, 'linkedCaseId');
  const linkedChannel = requireOneOf(data.linkedChannel, CASE_CHANNELS, 'linkedChannel');
  if (linkedCaseId === s.caseId) throw caseError('CASE_LINK_SELF', { caseId: s.caseId });
  // Art 1: one dispute, several channels (复议 → 诉讼 → 检察); links join those channels.
  if (linkedChannel === s.channel) throw caseError('CASE_LINK_SAME_CHANNEL', { channel: s.channel });
  if (s.links.some((l) => l.caseId === linkedCaseId))
    throw caseError('CASE_LINK_DUPLICATE', { linkedCaseId });
  return [
    { type: 'CaseLinked', data: { caseId: s.caseId, linkedCaseId, linkedChannel, note: data.note ?? '' } },
  ];
}

export function recordNonSupportDecision(
  { data, metadata }: RecordNonSupportDecision,
  state: CaseState,
): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  // Art 6: 不支持监督申请决定 is the procuratorate's decision in a supervision case.
  if (s.channel !== 'PROCURATORIAL_SUPERVISION')
    throw caseError('NON_SUPPORT_WRONG_CHANNEL', { channel: s.channel });
  if (agency !== 'PROCURATORATE') throw caseError('NON_SUPPORT_NOT_PROCURATORATE', { agency });
  if (s.nonSupportDecision) {
    throw caseError('NON_SUPPORT_ALREADY_RECORDED', { decidedOn: s.nonSupportDecision.decidedOn });
  }
  const decidedOn = pastDate(data.decidedOn, 'decidedOn', today(metadata));
  notBefore(decidedOn, 'decidedOn', s.acceptedOn, 'acceptedOn');
  return [
    {
      type: 'NonSupportDecisionRecorded',
      data: {
        caseId: s.caseId,
        decisionNumber: requireText(data.decisionNumber, 'decisionNumber'),
        decidedOn,
        summary: requireText(data.summary, 'summary'),
      },
    },
  ];
}
