import type { Actor, Agency, CaseChannel, CaseEvent, LegalDate } from '@accord/events';
import type { CaseStage } from '@accord/domain';

export interface OpenInvitation {
  readonly invitationId: string;
  readonly agency: Agency;
}

/**
 * What the case list needs of a case, and no more: the directory holds one per case in memory, so
 * parties, risk files and activities stay in the stream.
 */
export interface CaseEntry {
  readonly caseId: string;
  readonly channel: CaseChannel;
  readonly leadAgency: Agency;
  /** Art 17: the lead agency, then each agency that accepted an invitation, in order. */
  readonly participants: readonly Agency[];
  /** Art 4/7: invitations issued and not yet answered, withdrawn or lapsed. */
  readonly openInvitations: readonly OpenInvitation[];
  readonly status: 'open' | 'closed';
  readonly stage: CaseStage;
  readonly externalCaseNumber: string;
  readonly acceptedOn: LegalDate;
  readonly revision: number;
  readonly position: number;
  /** Global position of `CaseRegistered`: the list's order and its cursor. */
  readonly registeredAt: number;
  /** What the stage is derived from, kept as the case's fold derives it. */
  readonly assessed: boolean;
  readonly resolution: 'open' | 'ended' | null;
  readonly outcome: boolean;
}

export interface StoredCaseEvent {
  readonly event: CaseEvent;
  readonly revision: number;
  readonly position: number;
}

/**
 * Folds one case event into the compact entry. It mirrors the case decider's `evolve` for the fields
 * it keeps (the spec checks both folds agree on every sequence the domain tests produce); an event
 * that cannot apply (a stream not starting with `CaseRegistered`) leaves the entry as it was.
 */
export function foldCaseEntry(entry: CaseEntry | undefined, stored: StoredCaseEvent): CaseEntry | undefined {
  const { event, revision, position } = stored;
  if (event.type === 'CaseRegistered') {
    const d = event.data;
    return {
      caseId: d.caseId,
      channel: d.channel,
      leadAgency: d.leadAgency,
      participants: [d.leadAgency],
      openInvitations: [],
      status: 'open',
      stage: 'REGISTERED',
      externalCaseNumber: d.externalCaseNumber,
      acceptedOn: d.acceptedOn,
      revision,
      position,
      registeredAt: position,
      assessed: false,
      resolution: null,
      outcome: false,
    };
  }
  if (entry === undefined) return undefined;
  return withStage({ ...evolveEntry(entry, event), revision, position });
}

function evolveEntry(e: CaseEntry, event: Exclude<CaseEvent, { type: 'CaseRegistered' }>): CaseEntry {
  switch (event.type) {
    case 'EligibilityAssessed':
      return {
        ...e,
        assessed: true,
        resolution: event.data.endsResolution && e.resolution !== null ? 'ended' : e.resolution,
      };
    case 'ResolutionOpened':
      return { ...e, resolution: 'open' };
    case 'InvitationIssued':
      return {
        ...e,
        openInvitations: [
          ...e.openInvitations,
          { invitationId: event.data.invitationId, agency: event.data.to },
        ],
      };
    case 'InvitationAccepted': {
      const { invitee, invitationId } = event.data;
      return {
        ...e,
        participants: e.participants.includes(invitee) ? e.participants : [...e.participants, invitee],
        openInvitations: e.openInvitations.filter((i) => i.invitationId !== invitationId),
      };
    }
    case 'InvitationDeclined':
    case 'InvitationWithdrawn':
      return {
        ...e,
        openInvitations: e.openInvitations.filter((i) => i.invitationId !== event.data.invitationId),
      };
    case 'OutcomeRecorded':
      return { ...e, outcome: true, resolution: e.resolution === 'open' ? 'ended' : e.resolution };
    case 'CaseClosed': {
      const lapsed = new Set(event.data.lapsedInvitationIds);
      return {
        ...e,
        status: 'closed',
        openInvitations: e.openInvitations.filter((i) => !lapsed.has(i.invitationId)),
      };
    }
    case 'CaseLinked':
    case 'NonSupportDecisionRecorded':
    case 'LitigationRiskFound':
    case 'ConsentRecorded':
    case 'ActivityRecorded':
    case 'MediatorAssigned':
    case 'RiskAssessed':
    case 'PreventionPlanAdopted':
    case 'RiskEscalated':
    case 'ParticipationRequested':
    case 'AttendanceRecorded':
    case 'AbsenceReported':
    case 'ReliefCoordinated':
      return e;
    default: {
      // A type this build does not know (written by a newer one) changes nothing the list shows.
      const _exhaustive: never = event;
      void _exhaustive;
      return e;
    }
  }
}

function withStage(e: CaseEntry): CaseEntry {
  const stage: CaseStage =
    e.status === 'closed'
      ? 'CLOSED'
      : e.outcome
        ? 'OUTCOME_RECORDED'
        : e.resolution === 'open'
          ? 'RESOLUTION_OPEN'
          : e.resolution === 'ended'
            ? 'RESOLUTION_ENDED'
            : e.assessed
              ? 'ELIGIBILITY_ASSESSED'
              : 'REGISTERED';
  return stage === e.stage ? e : { ...e, stage };
}

export type EntryAccess = 'participant' | 'invitee' | 'auditor';

/**
 * Art 17, as `caseAccess` in the domain decides it for one case: auditors see every case, the lead
 * and accepted invitees take part, an agency with an open invitation sees the reduced row, anyone
 * else (administrative organs included) sees nothing.
 */
export function entryAccess(entry: CaseEntry, actor: Actor): EntryAccess | undefined {
  if (actor.role === 'auditor') return 'auditor';
  if ((entry.participants as readonly string[]).includes(actor.agency)) return 'participant';
  if (entry.openInvitations.some((i) => i.agency === actor.agency)) return 'invitee';
  return undefined;
}
