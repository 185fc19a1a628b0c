import type { ActorAgency, Agency } from '@accord/events';
import type { CaseInvitation, RegisteredCase } from './case.state';

/**
 * What a full read of a case sends (participants and auditors, Art 17), in the order it is sent.
 * Listed rather than the state itself so that a field added to the fold for the decider's own use
 * is not published by accident: `FullCaseView` below refuses to compile until a new state field is
 * either listed here or named in `FOLD_ONLY`.
 */
const FULL_FIELDS = [
  'status',
  'stage',
  'caseId',
  'channel',
  'leadAgency',
  'externalCaseNumber',
  'acceptedOn',
  'parties',
  'respondent',
  'matter',
  'peopleInvolved',
  'participants',
  'links',
  'riskFinding',
  'nonSupportDecision',
  'eligibility',
  'supersededEligibility',
  'resolution',
  'invitations',
  'activities',
  'mediators',
  'risk',
  'participationRequests',
  'reliefs',
  'outcome',
  'closedOn',
] as const satisfies readonly (keyof RegisteredCase)[];

/** State the decider needs that no reader is shown (none today). */
type FoldOnly = never;

type FullField = (typeof FULL_FIELDS)[number];
// Compile-time check that every state field is either published or declared fold-only.
type Unlisted = Exclude<keyof RegisteredCase, FullField | FoldOnly>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

/** The case as a participant or auditor reads it (GET /cases/:id, view `full`). */
export type FullCaseView = Pick<RegisteredCase, FullField>;

const REDUCED_FIELDS = [
  'caseId',
  'status',
  'channel',
  'leadAgency',
  'externalCaseNumber',
  'acceptedOn',
  'respondent',
  'matter',
] as const satisfies readonly (keyof RegisteredCase)[];

/**
 * Art 4/7 and Art 17: what an agency with an open invitation reads (view `reduced`): what the case is
 * about and what it is invited to, enough to reply; not the parties' personal data, who else takes
 * part, the risk file, activities or outcome.
 */
export type ReducedCaseView = Pick<RegisteredCase, (typeof REDUCED_FIELDS)[number]> & {
  /** Only the reader's own invitations. */
  readonly invitations: readonly CaseInvitation[];
};

export type CaseViewKind = 'full' | 'reduced';
export type CaseView = FullCaseView | ReducedCaseView;

function pick<K extends keyof RegisteredCase>(
  state: RegisteredCase,
  fields: readonly K[],
): Pick<RegisteredCase, K> {
  const view: Partial<Record<K, unknown>> = {};
  for (const field of fields) view[field] = state[field];
  return view as Pick<RegisteredCase, K>;
}

export function fullCaseView(state: RegisteredCase): FullCaseView {
  return pick(state, FULL_FIELDS);
}

export function reducedCaseView(state: RegisteredCase, invitee: ActorAgency): ReducedCaseView {
  return {
    ...pick(state, REDUCED_FIELDS),
    invitations: state.invitations.filter((i) => (i.to as Agency | ActorAgency) === invitee),
  };
}

/** The one case view every reader sends: the single read, the list's reduced rows, the read store. */
export function caseView(state: RegisteredCase, kind: 'full', reader: ActorAgency): FullCaseView;
export function caseView(state: RegisteredCase, kind: 'reduced', reader: ActorAgency): ReducedCaseView;
export function caseView(state: RegisteredCase, kind: CaseViewKind, reader: ActorAgency): CaseView;
export function caseView(state: RegisteredCase, kind: CaseViewKind, reader: ActorAgency): CaseView {
  return kind === 'full' ? fullCaseView(state) : reducedCaseView(state, reader);
}
