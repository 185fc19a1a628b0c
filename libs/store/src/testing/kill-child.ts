import type { RecordedEvent } from '@accord/events';
import { verifyChain } from '@accord/events/integrity';
import { createInterface } from 'node:readline';
import type { EventStore, StorageCheckable } from '../event-store';
import type { Ack } from './append-writers';
import { spawnTypeScript } from './spawn-ts';

/**
 * Runs a TypeScript child that prints one acknowledged append per line, SIGKILLs it after
 * `killAfter` acknowledgements, and resolves once its stdout has ended (every line counted).
 */
export function runChildUntilKilled(
  script: string,
  args: readonly string[],
  killAfter: number,
  acknowledged: Ack[],
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawnTypeScript(script, args);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    acknowledged.push(JSON.parse(line) as Ack);
    if (acknowledged.length === killAfter) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    // 'close' comes after stdout has ended, so every line already in the pipe has been counted.
    child.on('close', (code, signal) => {
      if (signal === null) reject(new Error(`append child exited with ${code}: ${stderr}`));
      else resolve({ code, signal });
    });
  });
}

/**
 * What a killed writer must have left, read from a store reopened after it: every acknowledged
 * append as it was acknowledged, every stream's chain intact and the storage check clean. Answers
 * the whole log, for the caller's own comparisons.
 */
export async function expectEveryAckKept(
  reopened: EventStore & StorageCheckable,
  acknowledged: readonly Ack[],
): Promise<RecordedEvent[]> {
  for (const ack of acknowledged) {
    const [event] = await reopened.readStream(ack.streamId, {
      fromRevision: ack.revision,
      toRevision: ack.revision,
    });
    expect(event).toMatchObject(ack);
  }
  const all: RecordedEvent[] = [];
  for await (const batch of reopened.readAll()) all.push(...batch);
  expect(all.length).toBeGreaterThanOrEqual(acknowledged.length);
  for (const streamId of new Set(all.map((e) => e.streamId)))
    expect(verifyChain(streamId, await reopened.readStream(streamId))).toBeNull();
  await expect(reopened.checkStorage()).resolves.toBeNull();
  return all;
}
