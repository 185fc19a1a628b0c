import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProjector } from '../projector-process';

/**
 * A projector process on PostgreSQL (ledger and read store), for the handover test. Prints
 * `standby`, `active` and `batch <position>` lines; exits 1 when the projector stops on an error.
 */
async function main(url: string, batchSize: number): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  await startProjector({
    dataDir: mkdtempSync(join(tmpdir(), 'accord-standby-')),
    eventStore: { kind: 'postgres', url },
    readStore: { kind: 'postgres', url },
    watchIntervalMs: 0,
    logLevel: 'silent',
    batchSize,
    onStandby: () => say('standby'),
    onBatch: (position) => say(`batch ${position}`),
    onFailure: (error) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  });
  say('active');
}

main(process.argv[2]!, Number(process.argv[3])).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
