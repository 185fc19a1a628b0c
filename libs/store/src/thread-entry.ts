import { join } from 'node:path';

/** What a worker thread is started with: its entry file and the data that file expects. */
export interface ThreadEntry {
  readonly entry: string;
  readonly workerData: Record<string, unknown>;
}

const TS_PROJECT = join(__dirname, '../../../tsconfig.json');

/**
 * Where a thread whose code is `<dir>/<name>.ts` starts: in a build, the compiled `<name>.js`
 * directly; from TypeScript sources (jest, ts-node, the benchmarks), a small CommonJS shim that
 * registers ts-node in the thread and then loads the .ts file, so tests exercise the very same
 * code. Starting from sources loads the TypeScript compiler into the thread: about 0.7 s, once
 * per thread.
 */
export function threadEntry(
  dir: string,
  name: string,
  workerData: Record<string, unknown> = {},
): ThreadEntry {
  if (!__filename.endsWith('.ts')) return { entry: join(dir, `${name}.js`), workerData };
  return {
    entry: join(__dirname, 'thread-from-source.js'),
    workerData: { ...workerData, source: join(dir, `${name}.ts`), tsProject: TS_PROJECT },
  };
}
