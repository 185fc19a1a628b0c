#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { accord } from './accord';
import { rebuildHeapFlags } from './heap';

function run(): void {
  void accord(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    cwd: process.cwd(),
  }).then((code) => {
    // exitCode rather than exit(): let stdout drain when it is a pipe.
    process.exitCode = code;
  });
}

/** `accord rebuild` runs again under a bounded heap (heap.ts), the same program with the same arguments. */
function runUnderBoundedHeap(flags: readonly string[]): void {
  const child = spawnSync(process.execPath, [...process.execArgv, ...flags, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  if (child.error) throw child.error;
  process.exitCode = child.status ?? 1;
}

let flags: string[] = [];
if (process.argv[2] === 'rebuild') {
  try {
    flags = rebuildHeapFlags(process.env, process.execArgv);
  } catch (error) {
    process.stderr.write(`accord rebuild: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
if (flags.length === 0) run();
else runUnderBoundedHeap(flags);
