/** The three agencies that run the Measures (domain.md, "Actors"). */
export const AGENCIES = ['COURT', 'PROCURATORATE', 'GOV_OFFICE'] as const;
export type Agency = (typeof AGENCIES)[number];

/** An administrative organ acts through tokens of agency `ORGAN:<code>` (it answers suggestion letters). */
export type OrganAgency = `ORGAN:${string}`;
export type ActorAgency = Agency | OrganAgency;

export const ROLES = ['clerk', 'lead', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who acted: recorded on every event. */
export interface Actor {
  readonly agency: ActorAgency;
  readonly staffId: string;
  readonly role: Role;
}

/** A legal date in Asia/Shanghai, `YYYY-MM-DD`. Deadlines are dates, not instants. */
export type LegalDate = string;
/** An instant, ISO-8601 with offset or `Z`. */
export type Instant = string;

/** What a decider emits: a literal type and readonly data. The envelope is added when the event is stored. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export type Event<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

export function isAgency(value: unknown): value is Agency {
  return typeof value === 'string' && (AGENCIES as readonly string[]).includes(value);
}

export function isOrgan(value: string): value is OrganAgency {
  return value.startsWith('ORGAN:') && value.length > 'ORGAN:'.length;
}
