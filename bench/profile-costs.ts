/**
 * The cost table of issue 14 from the phase profiles `bench:api` writes with
 * `ACCORD_BENCH_PHASE_PROF=<dir>`: `npm run bench:costs -- <dir> [--json]`.
 *
 * Each sample is charged to the innermost frame on its stack that belongs to a known cost (uuid
 * inside the access log counts as uuid), so the rows add up to the busy time; shares are of the
 * main thread's busy time (idle excluded), and the idle share is printed beside them. Several
 * profiles of one phase (runs) are summed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** In order of the table; a frame's cost is the first whose test it passes. */
const COSTS: readonly { readonly name: string; readonly test: (frame: CallFrame) => boolean }[] = [
  { name: 'garbage collection', test: (f) => f.functionName === '(garbage collector)' },
  {
    name: 'validation (class-validator / class-transformer, compiled checks)',
    test: (f) =>
      /class-validator|class-transformer|reflect-metadata|\/ajv\/|fast-validation|validation\.ts/.test(f.url),
  },
  { name: 'AsyncResource (Fastify body parser)', test: (f) => f.url === 'node:async_hooks' },
  {
    name: 'writer-thread hand-off (postMessage, structured clone)',
    test: (f) =>
      /node:internal\/worker|writer-thread\.ts|sqlite\/wire\.ts/.test(f.url) ||
      f.functionName === 'postMessage',
  },
  {
    name: 'uuid generation',
    test: (f) =>
      /node_modules\/uuid\/|internal\/crypto\/random/.test(f.url) || f.functionName === 'randomUUID',
  },
  { name: 'access events (building, queueing)', test: (f) => /apps\/api\/src\/access\//.test(f.url) },
  {
    name: 'store commit on this thread (seal, insert, COMMIT, WAL sync hand-off)',
    test: (f) =>
      /libs\/store\/src\/sqlite\/(ledger-writer|group-commit|schema|wal-sync)|better-sqlite3/.test(f.url),
  },
  { name: 'store reads and caches', test: (f) => /libs\/store\/src\//.test(f.url) },
  { name: 'Merkle tree follower', test: (f) => /libs\/merkle\//.test(f.url) },
  { name: 'decide / evolve (domain)', test: (f) => /libs\/domain\//.test(f.url) },
  { name: 'events (hashing, canonical JSON, ids)', test: (f) => /libs\/events\//.test(f.url) },
  { name: 'read store', test: (f) => /libs\/read-store\//.test(f.url) },
  { name: 'API code (pipeline, slices, guards, hooks)', test: (f) => /apps\/api\/src\//.test(f.url) },
  {
    name: 'HTTP, Fastify, Nest, pino',
    test: (f) =>
      /node_modules\/(fastify|@fastify|@nestjs|find-my-way|light-my-request|avvio|pino|rxjs|fast-json|secure-json|toad-cache|jsonwebtoken|jws|prom-client)|node:_http|node:net|node:internal\/(http|stream|streams|net)|node:stream|node:events/.test(
        f.url,
      ),
  },
];
const IDLE = new Set(['(idle)']);
/** Stopping the profiler serialises the profile on this thread: not the API's time. */
const PROFILER = (f: CallFrame): boolean => f.url === 'node:inspector';
const OTHER = 'other (builtins, (program), unattributed)';

function costsOf(profile: CpuProfile, into: Map<string, number>): { busy: number; idle: number } {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const charged = new Map<number, string>();
  const costOf = (id: number): string => {
    const known = charged.get(id);
    if (known !== undefined) return known;
    let name = OTHER;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      const cost = COSTS.find((c) => c.test(frame));
      if (cost) {
        name = cost.name;
        break;
      }
    }
    charged.set(id, name);
    return name;
  };
  const profiling = new Set<number>();
  for (const node of profile.nodes) {
    for (let at: number | undefined = node.id; at !== undefined; at = parent.get(at))
      if (PROFILER(byId.get(at)!.callFrame)) {
        profiling.add(node.id);
        break;
      }
  }
  let busy = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    if (profiling.has(id)) return;
    if (IDLE.has(byId.get(id)!.callFrame.functionName)) {
      idle += us;
      return;
    }
    busy += us;
    const name = costOf(id);
    into.set(name, (into.get(name) ?? 0) + us);
  });
  return { busy, idle };
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const dir = positionals[0];
  if (!dir) throw new Error('usage: bench:costs -- <profile dir> [--json]');
  const table: Record<string, Record<string, number>> = {};
  for (const phase of ['command', 'read']) {
    const files = readdirSync(dir).filter((f) => f.startsWith(`${phase}-`) && f.endsWith('.cpuprofile'));
    const costs = new Map<string, number>();
    let busy = 0;
    let idle = 0;
    for (const file of files) {
      const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
      const time = costsOf(profile, costs);
      busy += time.busy;
      idle += time.idle;
    }
    const shares: Record<string, number> = {};
    for (const { name } of [...COSTS, { name: OTHER }])
      shares[name] = busy === 0 ? 0 : Math.round(((costs.get(name) ?? 0) / busy) * 1000) / 10;
    shares['(idle, share of wall time)'] = Math.round((idle / (busy + idle || 1)) * 1000) / 10;
    table[phase] = shares;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(table)}\n`);
    return;
  }
  const rows = Object.keys(table.command!);
  process.stdout.write('| cost | commands % | reads % |\n|---|---|---|\n');
  for (const row of rows)
    process.stdout.write(
      `| ${row} | ${table.command![row]!.toFixed(1)} | ${table.read![row]!.toFixed(1)} |\n`,
    );
}

main();
