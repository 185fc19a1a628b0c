import { bool, int, list, obj, orNull, str } from '../../../http/schema';

const firstBad = orNull(
  obj({
    position: orNull(int('Global log position of the first event not as written; null when not located.')),
    streamId: orNull(str()),
    revision: orNull(int()),
    reason: str(),
  }),
);

/** One `accord verify` run as the CLI recorded it (`<data>/verify-runs.jsonl`). */
export const VERIFY_RUN = obj({
  verifiedAt: str('When the run finished (ISO-8601 instant).'),
  ledger: str('The ledger checked: a file, or a server URL without its password.'),
  ok: bool('Everything held: chains, stored bytes, the database’s own check and the checkpoint, if given.'),
  chainsOk: orNull(bool('Null when the run stopped before reading the ledger (a rejected checkpoint note).')),
  streams: orNull(int()),
  events: orNull(int('Events found intact before the first break (all of them when intact).')),
  headPosition: orNull(int()),
  firstBad,
  storageProblems: list(str(), 'SQLite’s own integrity check.'),
  missingTriggers: list(str(), 'PostgreSQL immutability triggers found missing.'),
  checkpoint: orNull(
    obj({
      ok: bool(),
      origin: orNull(str()),
      treeSize: orNull(int()),
      signedBy: list(str()),
      firstBad,
    }),
  ),
});

/** GET /ledger/verify-runs/last: the last run, or null if verify never ran on this data directory. */
export const LAST_VERIFY_RUN = obj({
  lastRun: orNull(VERIFY_RUN),
});

export const VERIFY_RUN_SCHEMAS = { VerifyRun: VERIFY_RUN, LastVerifyRun: LAST_VERIFY_RUN };
