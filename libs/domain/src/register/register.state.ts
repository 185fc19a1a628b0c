import type {
  Agency,
  FlagConfirmation,
  FlagContestOutcome,
  FlagNotificationMeans,
  IntegrityNotePolarity,
  LegalDate,
  StoredDeadline,
} from '@accord/events';
import type { PartyIdentity } from './register.commands';

export interface IntegrityNote {
  readonly noteId: string;
  readonly polarity: IntegrityNotePolarity;
  readonly text: string;
  readonly caseRef: string;
  readonly notedOn: LegalDate;
  readonly notedBy: Agency;
}

export interface FlagContest {
  readonly contestId: string;
  readonly contestedOn: LegalDate;
  readonly grounds: string;
  readonly recordedBy: Agency;
  readonly decision: {
    readonly decidedOn: LegalDate;
    readonly outcome: FlagContestOutcome;
    readonly reasons: string;
    readonly decidedBy: Agency;
  } | null;
}

/**
 * proposed → confirmed ⇄ contested → revoked (contest upheld) | withdrawn | expired. Only
 * `confirmed` and `contested` flags are in force; a proposal alone limits nothing.
 */
export type FlagStatus = 'proposed' | 'confirmed' | 'contested' | 'revoked' | 'withdrawn' | 'expired';

export interface FlagRecord {
  readonly flagId: string;
  readonly status: FlagStatus;
  readonly proposedBy: Agency;
  readonly grounds: string;
  readonly evidence: readonly string[];
  readonly proposedOn: LegalDate;
  readonly confirmation: FlagConfirmation | null;
  readonly confirmedOn: LegalDate | null;
  /** The day the flag lapses unless a fresh proposal is confirmed. */
  readonly reviewOn: LegalDate | null;
  readonly reviewLimit: StoredDeadline | null;
  readonly notification: {
    readonly notifiedOn: LegalDate;
    readonly means: FlagNotificationMeans;
    readonly note: string;
  } | null;
  readonly contests: readonly FlagContest[];
  /** The last day of the cooling-off period after the latest rejected contest. */
  readonly contestCooldownUntil: LegalDate | null;
  readonly endedOn: LegalDate | null;
  readonly endReason: string | null;
}

export type PartyRegisterState =
  | { readonly status: 'none' }
  | {
      readonly status: 'recorded';
      readonly partyId: string;
      readonly party: PartyIdentity;
      readonly notes: readonly IntegrityNote[];
      readonly flags: readonly FlagRecord[];
      /** The flag proposed or in force, if any: at most one at a time. */
      readonly activeFlagId: string | null;
    };

export type Recorded = Exclude<PartyRegisterState, { status: 'none' }>;

export const initialPartyRegisterState = (): PartyRegisterState => ({ status: 'none' });

export const LIVE: readonly FlagStatus[] = ['proposed', 'confirmed', 'contested'];
export const IN_FORCE: readonly FlagStatus[] = ['confirmed', 'contested'];

/** Flags in force on a register: what the case decider and the API show as "flagged". */
export function flagsInForce(state: PartyRegisterState): readonly FlagRecord[] {
  return state.status === 'none' ? [] : state.flags.filter((f) => IN_FORCE.includes(f.status));
}
