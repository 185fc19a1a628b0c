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
 * A writer killed while this process follows the log: subscribes to `store`, runs the child until
 * its SIGKILL after `killAfter` acknowledgements (checked), and answers what was acknowledged, what
 * the subscriber has seen so far, a bounded wait for the subscriber to reach a position (the child
 * may finish its appends between two polls), and `stop` to end the subscription.
 */
export async function killWhileFollowing(
  store: EventStore,
  script: string,
  args: readonly string[],
  killAfter: number,
): Promise<{
  acknowledged: Ack[];
  seen: RecordedEvent[];
  reach: (position: number) => Promise<void>;
  stop: () => Promise<void>;
}> {
  const acknowledged: Ack[] = [];
  const subscription = store.subscribe();
  const seen: RecordedEvent[] = [];
  const done = (async () => {
    for await (const event of subscription) seen.push(event);
  })();
  const exit = await runChildUntilKilled(script, args, killAfter, acknowledged);
  expect(exit.signal).toBe('SIGKILL');
  expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
  const reach = async (position: number): Promise<void> => {
    for (let waited = 0; (seen[seen.length - 1]?.position ?? 0) < position && waited < 10_000; waited += 25)
      await new Promise((resolve) => setTimeout(resolve, 25));
  };
  const stop = async (): Promise<void> => {
    await subscription.close();
    await done;
  };
  return { acknowledged, seen, reach, stop };
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
