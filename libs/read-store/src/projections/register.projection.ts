import type { CaseRegistered, PartyRegisterEvent, RecordedEvent } from '@accord/events';
import { partyRegisterDecider, type PartyRegisterState } from '@accord/domain';
import type { Projection, ProjectionTx } from '../projection';
import { domainEvent, streamKind } from './events';

export const REGISTER_PROJECTION = 'register';
export const REGISTER_PARTIES = 'register_parties';
/** One row per filing, keyed `<partyKey>|<caseId>`: a party named in thousands of cases stays small. */
export const REGISTER_FILINGS = 'register_filings';

/** One filing: a case in which the party appears, as the register shows it (no other party's data). */
export interface Filing {
  readonly caseId: string;
  readonly casePartyId: string;
  readonly channel: string;
  readonly leadAgency: string;
  readonly externalCaseNumber: string;
  readonly acceptedOn: string;
  readonly respondentCode: string;
  readonly respondentName: string;
  readonly matter: string;
  readonly position: number;
}

/** A filing as stored: under its party's key. */
export interface FilingRow extends Filing {
  readonly partyKey: string;
}

/** A person or organisation across every case and every register entry that names them. */
export interface RegisterPartyRow extends RegisterPartyDoc {
  /** Every filing, in log order (from `register_filings`). */
  readonly filings: readonly Filing[];
}

/** The party's own document; its filings are rows of their own. */
export interface RegisterPartyDoc {
  /** `<SCHEME>-<normalised number>` for a case party; a register stream's own id otherwise. */
  readonly partyKey: string;
  readonly kind: string;
  readonly names: readonly string[];
  readonly idScheme: string | null;
  readonly idNumber: string | null;
  readonly filingCount: number;
  /** The register stream (`party-<partyKey>`) folded by the register decider: notes, flags, contests. */
  readonly register: PartyRegisterState;
  readonly flagStatus: string | null;
  readonly position: number;
}

/**
 * Identity documents compared as the same person: the scheme, and the number without spaces,
 * hyphens or full-width forms, upper case (a resident id's final check character `x` is `X`).
 */
export function normaliseIdNumber(idNumber: string): string {
  // Plain ASCII letters and digits (nearly every document number) are already in NFKC, with nothing
  // to strip: skip ICU's normaliser and the regular expression.
  if (PLAIN.test(idNumber)) return idNumber.toUpperCase();
  return idNumber
    .normalize('NFKC')
    .replace(/[\s\-‐-―]/g, '')
    .toUpperCase();
}

const PLAIN = /^[0-9A-Za-z]*$/;

export function partyKeyOf(idScheme: string, idNumber: string): string {
  return keyOfNormalised(idScheme, normaliseIdNumber(idNumber));
}

function keyOfNormalised(idScheme: string, normalised: string): string {
  return `${idScheme}-${normalised}`;
}

/**
 * Integrity and abuse-of-litigation register (Art 11): every party of every case, matched across
 * cases by identity document rather than by the case-local party id, joined with the register
 * stream of the same key (notes, flags, contests). A register entry for key K is stream `party-K`.
 */
export const registerProjection: Projection = {
  name: REGISTER_PROJECTION,
  // 2: filings are rows of `register_filings`, no longer an array in the party's document.
  version: 2,
  reads: ['case', 'party'],
  collections: [
    {
      name: REGISTER_PARTIES,
      keyType: 'text',
      fields: [
        { name: 'kind', type: 'text' },
        { name: 'idScheme', type: 'text' },
        { name: 'filingCount', type: 'integer', indexed: true },
        { name: 'flagStatus', type: 'text' },
      ],
    },
    {
      name: REGISTER_FILINGS,
      keyType: 'text',
      fields: [
        { name: 'partyKey', type: 'text' },
        { name: 'position', type: 'integer' },
      ],
      indexes: [['partyKey', 'position']],
    },
  ],
  async apply(event: RecordedEvent, tx: ProjectionTx): Promise<void> {
    const { kind, id } = streamKind(event.streamId);
    if (kind === 'case' && event.type === 'CaseRegistered')
      await addFilings(domainEvent<CaseRegistered>(event), event, tx);
    else if (kind === 'party') await applyRegister(id, event, tx);
  },
};

function empty(partyKey: string, kind: string, position: number): RegisterPartyDoc {
  return {
    partyKey,
    kind,
    names: [],
    idScheme: null,
    idNumber: null,
    filingCount: 0,
    register: partyRegisterDecider.initialState(),
    flagStatus: null,
    position,
  };
}

async function addFilings(registered: CaseRegistered, event: RecordedEvent, tx: ProjectionTx): Promise<void> {
  const d = registered.data;
  for (const party of d.parties) {
    const idNumber = normaliseIdNumber(party.idNumber);
    const key = keyOfNormalised(party.idScheme, idNumber);
    const filingKey = `${key}|${d.caseId}`;
    // A case names a party once; a second party entry with the same document is the same filing.
    if ((await tx.get<FilingRow>(REGISTER_FILINGS, filingKey)) !== undefined) continue;
    const row =
      (await tx.get<RegisterPartyDoc>(REGISTER_PARTIES, key)) ?? empty(key, party.kind, event.position);
    tx.put(REGISTER_FILINGS, filingKey, {
      partyKey: key,
      caseId: d.caseId,
      casePartyId: party.partyId,
      channel: d.channel,
      leadAgency: d.leadAgency,
      externalCaseNumber: d.externalCaseNumber,
      acceptedOn: d.acceptedOn,
      respondentCode: d.respondent.code,
      respondentName: d.respondent.name,
      matter: d.matter,
      position: event.position,
    } satisfies FilingRow);
    tx.put(REGISTER_PARTIES, key, {
      ...row,
      kind: party.kind,
      names: row.names.includes(party.name) ? row.names : [...row.names, party.name],
      idScheme: party.idScheme,
      idNumber,
      filingCount: row.filingCount + 1,
      position: event.position,
    } satisfies RegisterPartyDoc);
  }
}

async function applyRegister(partyKey: string, event: RecordedEvent, tx: ProjectionTx): Promise<void> {
  const row =
    (await tx.get<RegisterPartyDoc>(REGISTER_PARTIES, partyKey)) ??
    empty(partyKey, 'NATURAL_PERSON', event.position);
  const register = partyRegisterDecider.evolve(row.register, domainEvent<PartyRegisterEvent>(event));
  const active =
    register.status === 'recorded' && register.activeFlagId !== null
      ? register.flags.find((f) => f.flagId === register.activeFlagId)
      : undefined;
  const kind = register.status === 'recorded' && row.filingCount === 0 ? register.party.kind : row.kind;
  const names =
    register.status === 'recorded' && !row.names.includes(register.party.name)
      ? [...row.names, register.party.name]
      : row.names;
  tx.put(REGISTER_PARTIES, partyKey, {
    ...row,
    kind,
    names,
    register,
    flagStatus: active?.status ?? null,
    position: event.position,
  } satisfies RegisterPartyDoc);
}
