import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  BUNDLE_FORMAT,
  type CaseBundle,
  CHECKPOINT_DIR,
  CheckpointStore,
  MERKLE_FILE,
  MerkleLog,
  parseCheckpointText,
  parseNote,
  TreeFollower,
} from '@accord/merkle';
import { caseStreamId } from '@accord/events';
import { type CliCommand, type CliIo, EXIT_FAILED, EXIT_OK, UsageError } from '../cli';
import { dataDirOf, openLedgerReadOnly } from '../ledger-dir';

const help = `Usage: accord export-case CASE_ID [--out FILE] [--data DIR]

Writes one case's events (as stored, with their hashes), the inclusion proof of each in the
latest co-signed checkpoint, and that checkpoint, into one JSON file (mode 0600: it holds the
case's confidential data). Anyone with the agencies' public keys can then check it with
accord verify-bundle, without the ledger and without a network.

Options:
  --out FILE   where to write the bundle (default ./case-<CASE_ID>.bundle.json)
  --data DIR   ledger directory (default: $ACCORD_DATA_DIR, else ./data)

Only events the checkpoint covers are exported: take a checkpoint first (accord checkpoint).`;

const exportCaseCommand: CliCommand = {
  name: 'export-case',
  summary: "Export a case's events with inclusion proofs and the co-signed checkpoint",
  help,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        options: { out: { type: 'string' }, data: { type: 'string' } },
        strict: true,
        allowPositionals: true,
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const [caseId, extra] = parsed.positionals;
    if (caseId === undefined || extra !== undefined) throw new UsageError('give exactly one CASE_ID');
    const dataDir = dataDirOf(io, parsed.values.data);
    const store = await openLedgerReadOnly(io, 'export-case', dataDir);
    if (typeof store === 'number') return store;
    const log = new MerkleLog(join(dataDir, MERKLE_FILE));
    try {
      const streamId = caseStreamId(caseId);
      const events = await store.readStream(streamId);
      if (events.length === 0) {
        io.err(`accord export-case: no case ${caseId} in the ledger`);
        return EXIT_FAILED;
      }
      await new TreeFollower(store, log).catchUp();
      const leaves = events.map((event) => {
        const leaf = log.leafAtPosition(event.position);
        if (!leaf) throw new Error(`the tree has no leaf for position ${event.position}`);
        return leaf.index;
      });
      const note = new CheckpointStore(join(dataDir, CHECKPOINT_DIR)).covering(
        leaves[leaves.length - 1]! + 1,
      );
      if (note === undefined) {
        io.err(
          `accord export-case: no co-signed checkpoint covers position ${events[events.length - 1]!.position} yet; take one with accord checkpoint`,
        );
        return EXIT_FAILED;
      }
      const checkpoint = parseCheckpointText(parseNote(note).text);
      if (!log.root(checkpoint.size).equals(checkpoint.root)) {
        io.err(
          `accord export-case: the ledger's tree does not match the checkpoint of tree size ${checkpoint.size}; run accord verify --checkpoint`,
        );
        return EXIT_FAILED;
      }
      const bundle: CaseBundle = {
        format: BUNDLE_FORMAT,
        caseId,
        streamId,
        checkpoint: note,
        events: events.map((event, i) => ({
          leafIndex: leaves[i]!,
          proof: log.inclusionProof(leaves[i]!, checkpoint.size).map((h) => h.toString('base64')),
          event,
        })),
      };
      const file = resolve(io.cwd, parsed.values.out ?? `case-${caseId}.bundle.json`);
      writeFileSync(file, `${JSON.stringify(bundle, null, 2)}\n`, { mode: 0o600 });
      io.out(
        `wrote ${file}: case ${caseId}, ${events.length} events, checkpoint of tree size ${checkpoint.size}`,
      );
      return EXIT_OK;
    } finally {
      log.close();
      await store.close();
    }
  },
};

export default exportCaseCommand;
