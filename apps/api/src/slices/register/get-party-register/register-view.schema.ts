import {
  AGENCIES,
  FLAG_CONTEST_OUTCOMES,
  FLAG_NOTIFICATION_MEANS,
  INTEGRITY_NOTE_POLARITIES,
  PARTY_KINDS,
} from '@accord/events';
import { date, int, list, obj, oneOf, orNull, ref, STORED_DEADLINE, str } from '../../../http/schema';

const agency = oneOf(AGENCIES);

const flag = obj({
  flagId: str(),
  status: oneOf(['proposed', 'confirmed', 'contested', 'revoked', 'withdrawn', 'expired']),
  proposedBy: agency,
  grounds: str(),
  evidence: list(str()),
  proposedOn: date(),
  confirmation: orNull(
    obj(
      {
        via: oneOf(['AGENCY', 'JOINT_MEETING']),
        agency,
        meetingId: str('The joint meeting (Art 14) that decided it; only when `via` is JOINT_MEETING.'),
      },
      ['meetingId'],
    ),
  ),
  confirmedOn: orNull(date()),
  reviewOn: orNull(date()),
  reviewLimit: orNull(STORED_DEADLINE),
  notification: orNull(obj({ notifiedOn: date(), means: oneOf(FLAG_NOTIFICATION_MEANS), note: str() })),
  contests: list(
    obj({
      contestId: str(),
      contestedOn: date(),
      grounds: str(),
      recordedBy: agency,
      decision: orNull(
        obj({ decidedOn: date(), outcome: oneOf(FLAG_CONTEST_OUTCOMES), reasons: str(), decidedBy: agency }),
      ),
    }),
  ),
  contestCooldownUntil: orNull(date()),
  endedOn: orNull(date()),
  endReason: orNull(str()),
});

/** A party's integrity register (Art 11): notes, flags and their history. */
export const PARTY_REGISTER = obj({
  status: oneOf(['recorded']),
  partyId: str(),
  party: obj({ kind: oneOf(PARTY_KINDS), name: str() }),
  notes: list(
    obj({
      noteId: str(),
      polarity: oneOf(INTEGRITY_NOTE_POLARITIES),
      text: str(),
      caseRef: str(),
      notedOn: date(),
      notedBy: agency,
    }),
  ),
  flags: list(flag),
  activeFlagId: orNull(str()),
});

/** No register entry yet: the party is known from its case filings only. */
export const PARTY_REGISTER_EMPTY = obj({ status: oneOf(['none']) });

/** One case in which the party appears, as the register shows it (no other party's data). */
const filing = obj({
  caseId: str(),
  casePartyId: str(),
  channel: str(),
  leadAgency: str(),
  externalCaseNumber: str(),
  acceptedOn: date(),
  respondentCode: str(),
  respondentName: str(),
  matter: str(),
  position: int(),
});

/** The person or organisation across every case that names them; null until the register read model has run. */
export const REGISTER_PARTY = orNull(
  obj({
    partyKey: str(),
    kind: str(),
    names: list(str()),
    idScheme: orNull(str()),
    idNumber: orNull(str()),
  }),
);

/** Art 11 pattern alert: repeated filings against one organ within the rule's window; never a flag. */
export const PATTERN_ALERT = obj({
  alertId: str(),
  partyKey: str(),
  respondentCode: str(),
  respondentName: str(),
  filings: list(filing, 'Oldest first; only those in cases the reader takes part in (Art 17).'),
  withheldFilings: int('Filings of the pattern in cases the reader takes no part in: counted, not named.'),
  from: date(),
  to: date(),
  rule: str(),
  note: str(),
});

/** GET /register/alerts: every pattern alert under the rule in force (Art 11). */
export const PATTERN_ALERT_LIST = obj({
  rule: obj({ minFilings: int(), windowDays: int(), ruleSet: str() }),
  items: list(ref('PatternAlert')),
  withheldAlerts: int('Alerts in none of the reader’s cases: counted, not named (Art 17).'),
  position: int('The log position the register read model reflects.'),
});

export const REGISTER_VIEW_SCHEMAS = {
  PartyRegister: PARTY_REGISTER,
  PartyRegisterEmpty: PARTY_REGISTER_EMPTY,
  RegisterParty: REGISTER_PARTY,
  RegisterFiling: filing,
  PatternAlert: PATTERN_ALERT,
  PatternAlertList: PATTERN_ALERT_LIST,
};
