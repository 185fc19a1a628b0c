import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CHECKPOINT_DIR,
  CheckpointStore,
  CosignRefusedError,
  Cosigner,
  DEFAULT_ORIGIN,
  MERKLE_FILE,
  MerkleLog,
  NoteError,
  parseSignerKey,
  takeCheckpoint,
  TreeFollower,
} from '@accord/merkle';
import { type CliCommand, type CliIo, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from '../cli';
import { dataDirOf, openLedgerReadOnly } from '../ledger-dir';
import { parseTtl } from '@accord/identity';

const help = `Usage: accord checkpoint --key FILE [--key FILE …] [--data DIR] [--cosigners DIR] [--origin ORIGIN] [--every 15m]
       accord checkpoint export [--data DIR] [--size N] [--out FILE]

Takes a checkpoint of the ledger's Merkle tree (C2SP tlog-checkpoint: origin, tree size, root)
and has each agency's cosigner sign it (a C2SP signed note, Ed25519). A cosigner signs only if the
new tree extends the last one it signed (it checks a consistency proof) and refuses otherwise; the
checkpoint is saved only when every key given signed. The tree is kept in <DIR>/${MERKLE_FILE} and
checkpoints in <DIR>/${CHECKPOINT_DIR}/, never in the ledger file.

Options:
  --key FILE       an agency's private key (accord keys generate); repeat, one per agency
  --cosigners DIR  where each cosigner keeps its record of what it signed, <NAME>.jsonl
                   (default <DIR>/cosigners; an agency may keep its own elsewhere)
  --origin ORIGIN  the log's name in the checkpoint (default ${DEFAULT_ORIGIN})
  --every DURATION keep running and take one every DURATION (e.g. 15m, 1h): the schedule
  --data DIR       ledger directory (default: $ACCORD_DATA_DIR, else ./data)

export prints the latest checkpoint (or the one of tree size N) as a signed note, or writes it to FILE.

Exit codes: 0 taken (or nothing new), 1 a cosigner refused, 2 usage error or no ledger.`;

interface Flags {
  keys: string[];
  data?: string;
  cosigners?: string;
  origin?: string;
  every?: string;
  size?: string;
  out?: string;
}

const checkpointCommand: CliCommand = {
  name: 'checkpoint',
  summary: 'Take a checkpoint of the ledger co-signed by the agencies, or export one',
  help,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const exporting = args[0] === 'export';
    const flags = parse(exporting ? args.slice(1) : args);
    const dataDir = dataDirOf(io, flags.data);
    const checkpoints = new CheckpointStore(join(dataDir, CHECKPOINT_DIR));
    if (exporting) return exportCheckpoint(io, checkpoints, flags);

    if (flags.keys.length === 0) throw new UsageError('missing --key (one per agency)');
    let cosigners: Cosigner[];
    try {
      const cosignerDir = resolve(io.cwd, flags.cosigners ?? join(dataDir, 'cosigners'));
      cosigners = flags.keys.map((file) => {
        const key = parseSignerKey(readFileSync(resolve(io.cwd, file), 'utf8'));
        return new Cosigner(key, join(cosignerDir, `${key.name}.jsonl`));
      });
    } catch (error) {
      io.err(`accord checkpoint: ${(error as Error).message}`);
      return EXIT_USAGE;
    }
    let everyMs: number | undefined;
    try {
      everyMs = flags.every === undefined ? undefined : parseTtl(flags.every) * 1000;
    } catch (error) {
      throw new UsageError(`--every: ${(error as Error).message}`);
    }

    const store = await openLedgerReadOnly(io, 'checkpoint', dataDir);
    if (typeof store === 'number') return store;
    const log = new MerkleLog(join(dataDir, MERKLE_FILE));
    const follower = new TreeFollower(store, log);
    let stopped = false;
    const stop = (): void => {
      stopped = true;
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
    try {
      for (;;) {
        const code = await once(io, follower, log, cosigners, checkpoints, flags.origin);
        if (everyMs === undefined || code !== EXIT_OK) return code;
        const deadline = Date.now() + everyMs;
        while (!stopped && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, Math.min(500, everyMs)));
        if (stopped) return EXIT_OK;
      }
    } finally {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      log.close();
      await store.close();
    }
  },
};

async function once(
  io: CliIo,
  follower: TreeFollower,
  log: MerkleLog,
  cosigners: readonly Cosigner[],
  checkpoints: CheckpointStore,
  origin: string | undefined,
): Promise<number> {
  await follower.catchUp();
  const sizes = checkpoints.sizes();
  if (sizes.length > 0 && sizes[sizes.length - 1] === log.size) {
    io.out(`no new events: the latest checkpoint already covers tree size ${log.size}`);
    return EXIT_OK;
  }
  try {
    const taken = takeCheckpoint({
      log,
      cosigners,
      store: checkpoints,
      now: new Date().toISOString(),
      origin,
    });
    io.out(
      `checkpoint of tree size ${taken.size} signed by ${cosigners.map((c) => c.name).join(', ')}: ${taken.file}`,
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CosignRefusedError || error instanceof NoteError) {
      io.err(`accord checkpoint: ${error.message}`);
      return EXIT_FAILED;
    }
    throw error;
  }
}

function exportCheckpoint(io: CliIo, checkpoints: CheckpointStore, flags: Flags): number {
  const note = flags.size === undefined ? checkpoints.latest() : checkpoints.read(Number(flags.size));
  if (note === undefined) {
    io.err(
      `accord checkpoint: no checkpoint${flags.size === undefined ? '' : ` of tree size ${flags.size}`} in ${checkpoints.dir}`,
    );
    return EXIT_USAGE;
  }
  if (flags.out === undefined) io.out(note.replace(/\n$/, ''));
  else {
    writeFileSync(resolve(io.cwd, flags.out), note);
    io.err(`accord checkpoint: wrote ${resolve(io.cwd, flags.out)}`);
  }
  return EXIT_OK;
}

function parse(args: readonly string[]): Flags {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: {
        key: { type: 'string', multiple: true },
        data: { type: 'string' },
        cosigners: { type: 'string' },
        origin: { type: 'string' },
        every: { type: 'string' },
        size: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.size !== undefined && !/^\d+$/.test(values.size))
      throw new Error('--size must be a tree size');
    return { ...values, keys: values.key ?? [] };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export default checkpointCommand;
