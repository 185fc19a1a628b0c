/**
 * Which event store to open, parsed from plain values (the apps read the environment and pass
 * them in). Every problem is named at once, so an operator fixes them in one pass.
 */
export const EVENT_STORE_KINDS = ['sqlite', 'postgres', 'esdb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

export type EventStoreSelection =
  | { readonly kind: 'sqlite'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'esdb'; readonly url: string };

export interface EventStoreSettings {
  /** ACCORD_EVENT_STORE; default sqlite. */
  readonly kind?: string;
  /** ACCORD_PG_URL, required for postgres. */
  readonly pgUrl?: string;
  /** ACCORD_ESDB_URL, required for esdb. */
  readonly esdbUrl?: string;
  /** Where the embedded ledger lives, for sqlite. */
  readonly dataDir: string;
}

const PG_PROTOCOLS = ['postgres:', 'postgresql:'];
const ESDB_PROTOCOLS = [
  'esdb:',
  'esdb+discover:',
  'kurrentdb:',
  'kurrentdb+discover:',
  'kdb:',
  'kdb+discover:',
];

export function selectEventStore(settings: EventStoreSettings): {
  readonly selection: EventStoreSelection;
  readonly problems: readonly string[];
} {
  const problems: string[] = [];
  const kind = (settings.kind ?? 'sqlite') as EventStoreKind;
  if (!EVENT_STORE_KINDS.includes(kind)) {
    problems.push(
      `ACCORD_EVENT_STORE=${JSON.stringify(settings.kind)}: expected one of ${EVENT_STORE_KINDS.join(', ')}`,
    );
    return { selection: { kind: 'sqlite', dataDir: settings.dataDir }, problems };
  }
  const url = (name: string, value: string | undefined, protocols: string[]): string => {
    if (value === undefined) {
      problems.push(`${name}: required when ACCORD_EVENT_STORE=${kind} (e.g. ${protocols[0]}//host/…)`);
      return '';
    }
    // Not WHATWG URL parsing: a cluster string lists several hosts (esdb://a:2113,b:2113).
    const protocol = /^([a-z][a-z0-9+.-]*:)\/\/\S+$/i.exec(value)?.[1]?.toLowerCase();
    // The value may hold a password, so the message names the variable and the rule, not the value.
    if (protocol === undefined || !protocols.includes(protocol))
      problems.push(`${name}: not a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
    return value;
  };
  switch (kind) {
    case 'sqlite':
      return { selection: { kind, dataDir: settings.dataDir }, problems };
    case 'postgres':
      return { selection: { kind, url: url('ACCORD_PG_URL', settings.pgUrl, PG_PROTOCOLS) }, problems };
    case 'esdb':
      return { selection: { kind, url: url('ACCORD_ESDB_URL', settings.esdbUrl, ESDB_PROTOCOLS) }, problems };
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

/** Where a selected store keeps its events, for messages (never the password). */
export function describeSelection(selection: EventStoreSelection): string {
  if (selection.kind === 'sqlite') return `sqlite ${selection.dataDir}`;
  try {
    const url = new URL(selection.url);
    url.password = '';
    url.username = url.username ? url.username : '';
    return `${selection.kind} ${url.toString()}`;
  } catch {
    return selection.kind;
  }
}
