import type { ClientBase } from 'pg';

/** The schema every Accord table lives in, so a shared database keeps them apart. */
export const PG_SCHEMA = 'accord';

/**
 * Advisory lock keys (per database). COMMIT is held by every appending transaction until it ends:
 * see the README, "Positions on PostgreSQL". MIGRATE serialises two instances booting at once.
 */
export const PG_LOCK = { commit: 0x4143_4f52_0001n, migrate: 0x4143_4f52_0002n } as const;

/** The NOTIFY channel a commit signals on, carrying the new head position. */
export const PG_CHANNEL = 'accord_events';

export const IMMUTABILITY_TRIGGERS = ['events_no_update', 'events_no_delete', 'events_no_truncate'] as const;

/**
 * Same layout as the SQLite ledger, so `accord verify` checks the same things: `envelope` holds
 * the canonical bytes that were hashed (text keeps them byte for byte; jsonb would not), the other
 * columns are copies for indexing. COLLATE "C" makes text order bytewise, which the as-of
 * comparison of ISO-8601 UTC instants relies on.
 */
const DDL = `
CREATE SCHEMA IF NOT EXISTS ${PG_SCHEMA};
CREATE TABLE IF NOT EXISTS ${PG_SCHEMA}.events (
  position    bigint PRIMARY KEY CHECK (position > 0),
  stream_id   text COLLATE "C" NOT NULL,
  revision    bigint NOT NULL CHECK (revision >= 0),
  event_id    text COLLATE "C" NOT NULL UNIQUE,
  type        text NOT NULL,
  recorded_at text COLLATE "C" NOT NULL,
  envelope    text NOT NULL,
  hash        text NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE OR REPLACE FUNCTION ${PG_SCHEMA}.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'accord.events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE OR REPLACE TRIGGER events_no_update BEFORE UPDATE ON ${PG_SCHEMA}.events
  FOR EACH ROW EXECUTE FUNCTION ${PG_SCHEMA}.refuse_event_change();
CREATE OR REPLACE TRIGGER events_no_delete BEFORE DELETE ON ${PG_SCHEMA}.events
  FOR EACH ROW EXECUTE FUNCTION ${PG_SCHEMA}.refuse_event_change();
CREATE OR REPLACE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${PG_SCHEMA}.events
  FOR EACH STATEMENT EXECUTE FUNCTION ${PG_SCHEMA}.refuse_event_change();
REVOKE UPDATE, DELETE, TRUNCATE ON ${PG_SCHEMA}.events FROM PUBLIC;
`;

/** Creates what is missing; safe to run from several instances at once. Never drops or alters a row. */
export async function migrate(client: ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PG_LOCK.migrate.toString()]);
    await client.query(DDL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The immutability triggers that are gone (someone with the rights dropped or disabled them). */
export async function missingTriggers(client: ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT t.tgname AS name FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = 'events' AND t.tgenabled <> 'D'`,
    [PG_SCHEMA],
  );
  const present = new Set(rows.map((r) => r.name));
  return IMMUTABILITY_TRIGGERS.filter((name) => !present.has(name));
}
