import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `npm start` runs the API and the projector together: the API forks the projector as a child
 * process. A process, not a thread: a rebuild of a large ledger then never competes with requests
 * for this event loop or this heap, and either can crash without taking the other down. The child
 * is restarted after a crash and stopped with the API (it also stops when its parent goes away).
 */
export function forkProjector(dataDir: string, log: (line: string) => void): { stop(): void } {
  const main = resolve(__dirname, '../../projector/src/main.js');
  if (!existsSync(main)) throw new Error(`the projector is not built (${main}); run npm run build`);
  let child: ChildProcess | undefined;
  let stopped = false;
  const spawn = () => {
    child = fork(main, [], { env: { ...process.env, ACCORD_DATA_DIR: dataDir }, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      if (stopped) return;
      log(`projector exited (${signal ?? code}); restarting in 1 s`);
      setTimeout(() => {
        if (!stopped) spawn();
      }, 1000).unref();
    });
  };
  spawn();
  const stop = () => {
    stopped = true;
    child?.kill('SIGTERM');
  };
  process.once('exit', stop);
  return { stop };
}
