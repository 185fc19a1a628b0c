/**
 * API benchmark: `npm run bench:api` (add `-- --json` for a machine-readable last line; `--runs N`,
 * `--duration S`, `--connections C` to change the load).
 *
 * The API runs in a child process on a fresh embedded SQLite ledger (a temp dir), so the load
 * generator (autocannon, in this process) does not share its event loop. Each run: 256 cases are
 * registered, assessed and opened through the API with 8 activities each (the read set), and 256
 * more without (the command set); then 64 connections record activities on the command set (each
 * command appends one event, fsync'd before the answer), then read the read set with GET /cases/:id
 * (each read appends its Art 17 access event before answering). After the server stops, the
 * ledger is opened again and every answered command must be in it. Medians of the runs are printed.
 *
 * Machines here differ by 2-3x from one session to the next, so each run also serves a trivial
 * route (the same Nest + Fastify setup, a handler that returns a constant) from its own child
 * process under the same load, and the JSON line carries `commandsVsTrivial` and `readsVsTrivial`:
 * ratios that travel between machines where the raw rates do not. It also carries the server's CPU
 * time per request (every thread) and the same ratios by CPU (`commandsVsTrivialCpu` …), which a
 * machine shared with other work distorts much less than the rates.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openSqliteStore } from '@accord/store';
import { litigationCase } from '../test/support/api-fixtures';

const CASES = 256;
/**
 * Reads go to cases of their own with this many activities each, set up before any load: the read
 * phase then does the same work however fast the command phase ran (issue 14 §5). Before, reads
 * went to the cases the commands had just grown, so faster commands made heavier reads.
 */
const READ_PRELOAD_ACTIVITIES = 8;
const TOKENS = 64;

interface ServerHandle {
  readonly url: string;
  readonly tokens: readonly string[];
  /**
   * Ends the running load phase and starts `phase` (`''`: none): answers the server's CPU time
   * (all its threads, microseconds) since the last call, and profiles the phase when asked to.
   */
  phase(phase: string): Promise<number>;
  stop(): Promise<void>;
}

/** The baseline: Nest on Fastify answering a constant, nothing else (no pipes, hooks, store or auth). */
async function serveTrivial(): Promise<void> {
  await import('reflect-metadata');
  const { Controller, Get, Module } = await import('@nestjs/common');
  const { NestFactory } = await import('@nestjs/core');
  const { FastifyAdapter } = await import('@nestjs/platform-fastify');
  const ANSWER = { status: 'ok' };
  @Controller()
  class TrivialController {
    @Get('trivial')
    answer(): typeof ANSWER {
      return ANSWER;
    }
  }
  @Module({ controllers: [TrivialController] })
  class TrivialModule {}
  const app = await NestFactory.create(TrivialModule, new FastifyAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  process.send!({ url: await app.getUrl(), tokens: [] });
  const phases = phaseMeter(undefined);
  process.on('message', (message) => {
    if (message === 'stop') void app.close().then(() => process.exit(0));
    else if (typeof message === 'string' && message.startsWith('phase:')) phases(message);
  });
}

/**
 * Answers `phase:<name>` with the CPU time this process used since the last one: per request, it
 * is the cost that a machine shared with other work distorts least (throughput halves when another
 * process takes a core; CPU per request barely moves).
 */
function phaseMeter(profiler: ((phase: string) => Promise<void>) | undefined): (message: string) => void {
  let since = process.cpuUsage();
  return (message) => {
    const used = process.cpuUsage(since);
    since = process.cpuUsage();
    const phase = message.slice('phase:'.length);
    void (profiler ? profiler(phase) : Promise.resolve()).then(() =>
      process.send!({ cpuUs: used.user + used.system }),
    );
  };
}

async function serve(dataDir: string): Promise<void> {
  const { buildApp } = await import('@accord/api/app');
  const { configFor, loadConfig } = await import('@accord/config');
  const { issueToken } = await import('@accord/identity');
  // ACCORD_SQLITE_WRITER_THREAD=off|auto|on compares the store's commit placements, and
  // ACCORD_TREE_THREAD=on|off the tree follower's (README); unset, the production defaults.
  const { sqliteWriterThread, treeThread } = loadConfig({
    ACCORD_SQLITE_WRITER_THREAD: process.env.ACCORD_SQLITE_WRITER_THREAD,
    ACCORD_TREE_THREAD: process.env.ACCORD_TREE_THREAD,
  });
  const config = configFor(dataDir, { logLevel: 'warn', sqliteWriterThread, treeThread });
  const built = await buildApp(config);
  await built.app.listen(0, '127.0.0.1');
  const settings = { key: built.signingKey.key, issuer: config.jwt.issuer, audience: config.jwt.audience };
  // One token per simulated clerk: the per-token rate limit applies as in production.
  const tokens = Array.from({ length: TOKENS }, (_, i) =>
    issueToken(settings, { agency: 'COURT', staffId: `bench-${i}`, roles: ['clerk'] }, 3600),
  );
  process.send!({ url: await built.app.getUrl(), tokens });
  const phases = phaseMeter(process.env.ACCORD_BENCH_PHASE_PROF ? await phaseProfiler() : undefined);
  process.on('message', (message) => {
    if (message === 'stop') void built.close().then(() => process.exit(0));
    else if (typeof message === 'string' && message.startsWith('phase:')) phases(message);
  });
}

/**
 * ACCORD_BENCH_PHASE_PROF=<dir>: a CPU profile of the API server per load phase (`command.cpuprofile`,
 * `read.cpuprofile`), without the set-up requests; `npm run bench:costs -- <dir>` turns them into
 * the cost table.
 */
async function phaseProfiler(): Promise<(phase: string) => Promise<void>> {
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const dir = process.env.ACCORD_BENCH_PHASE_PROF!;
  mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  let running: string | undefined;
  return async (phase) => {
    if (running !== undefined) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(join(dir, `${running}-${process.pid}.cpuprofile`), JSON.stringify(profile));
      running = undefined;
    }
    if (phase !== '') {
      await session.post('Profiler.start');
      running = phase;
    }
  };
}

function startServer(dataDir: string | 'trivial'): Promise<ServerHandle> {
  const args = dataDir === 'trivial' ? ['--serve-trivial'] : ['--serve', dataDir];
  const child: ChildProcess = fork(__filename, args, {
    execArgv: [
      // ACCORD_BENCH_CPU_PROF=<dir> writes a CPU profile of the server, to see where the time goes.
      ...(process.env.ACCORD_BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.ACCORD_BENCH_CPU_PROF}`]
        : []),
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
    ],
    env: { ...process.env, TS_NODE_PROJECT: process.env.TS_NODE_PROJECT ?? 'tsconfig.json' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`API server exited early (${String(code)})`)));
    child.once('message', (message) => {
      const { url, tokens } = message as { url: string; tokens: string[] };
      child.removeAllListeners('exit');
      resolve({
        url,
        tokens,
        phase: (phase) =>
          new Promise<number>((done) => {
            child.once('message', (answer) => done((answer as { cpuUs: number }).cpuUs));
            child.send(`phase:${phase}`);
          }),
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.send('stop');
          }),
      });
    });
  });
}

const CASE_BODY = litigationCase();
const ACTIVITY_BODY = JSON.stringify({
  kind: 'HEARING',
  heldOn: '2024-03-05',
  agencies: ['COURT'],
  partyIds: ['p-1'],
  others: [],
});

async function post(url: string, token: string, body: unknown): Promise<{ id: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

async function prepareCase(server: ServerHandle, token: string): Promise<string> {
  const { id } = await post(`${server.url}/cases`, token, CASE_BODY);
  await post(`${server.url}/cases/${id}/eligibility`, token, {
    outcome: 'ELIGIBLE',
    grounds: [{ category: 1, reasons: 'compensation' }],
    assessedOn: '2024-03-02',
  });
  const res = await fetch(`${server.url}/cases/${id}/resolution`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ openedOn: '2024-03-03' }),
  });
  if (!res.ok) throw new Error(`open resolution: ${res.status}`);
  return id;
}

/** `count` open cases, each with `activities` recorded activities; 16 set up at a time. */
async function prepareCases(server: ServerHandle, count: number, activities: number): Promise<string[]> {
  const ids: string[] = [];
  const activity: unknown = JSON.parse(ACTIVITY_BODY);
  for (let i = 0; i < count; i += 16) {
    const chunk = await Promise.all(
      Array.from({ length: Math.min(16, count - i) }, async (_, j) => {
        const token = server.tokens[(i + j) % server.tokens.length]!;
        const id = await prepareCase(server, token);
        for (let a = 0; a < activities; a += 1)
          await post(`${server.url}/cases/${id}/activities`, token, activity);
        return id;
      }),
    );
    ids.push(...chunk);
  }
  return ids;
}

interface LoadResult {
  readonly perSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly ok: number;
  readonly failed: number;
  /** The server's CPU time (every thread) per answered request, in microseconds. */
  readonly cpuUsPerRequest?: number;
}

async function load(
  server: ServerHandle,
  ids: readonly string[],
  kind: 'command' | 'read' | 'trivial',
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          n += 1;
          const id = ids[n % ids.length]!;
          const token = server.tokens[n % server.tokens.length]!;
          const headers = { ...request.headers, authorization: `Bearer ${token}` };
          if (kind === 'trivial') return { ...request, method: 'GET', path: '/trivial' };
          return kind === 'command'
            ? {
                ...request,
                method: 'POST',
                path: `/cases/${id}/activities`,
                headers: { ...headers, 'content-type': 'application/json' },
                body: ACTIVITY_BODY,
              }
            : { ...request, method: 'GET', path: `/cases/${id}`, headers };
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    perSec: ok / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

async function countActivities(dataDir: string): Promise<number> {
  const store = await openSqliteStore(dataDir);
  let count = 0;
  try {
    for await (const batch of store.readAll({ batchSize: 5000 })) {
      for (const event of batch) if (event.type === 'ActivityRecorded') count += 1;
    }
  } finally {
    await store.close();
  }
  return count;
}

interface RunResult {
  readonly trivial: LoadResult;
  readonly commands: LoadResult;
  readonly reads: LoadResult;
  readonly durable: boolean;
}

async function runTrivial(seconds: number, connections: number): Promise<LoadResult> {
  const server = await startServer('trivial');
  try {
    await server.phase('trivial');
    const trivial = await load(server, [], 'trivial', seconds, connections);
    return { ...trivial, cpuUsPerRequest: (await server.phase('')) / trivial.ok };
  } finally {
    await server.stop();
  }
}

async function runOnce(seconds: number, connections: number): Promise<RunResult> {
  const trivial = await runTrivial(seconds, connections);
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-api-'));
  try {
    const server = await startServer(dataDir);
    let commands: LoadResult;
    let reads: LoadResult;
    try {
      const readIds = await prepareCases(server, CASES, READ_PRELOAD_ACTIVITIES);
      const ids = await prepareCases(server, CASES, 0);
      await server.phase('command');
      commands = await load(server, ids, 'command', seconds, connections);
      commands = { ...commands, cpuUsPerRequest: (await server.phase('read')) / commands.ok };
      reads = await load(server, readIds, 'read', seconds, connections);
      reads = { ...reads, cpuUsPerRequest: (await server.phase('')) / reads.ok };
    } finally {
      await server.stop();
    }
    const stored = await countActivities(dataDir);
    // Commands in flight when the load stopped may be stored without their answer being counted.
    const preloaded = CASES * READ_PRELOAD_ACTIVITIES;
    const durable = stored - preloaded >= commands.ok && stored - preloaded <= commands.ok + connections;
    if (!durable) process.stderr.write(`durability check: ${commands.ok} answered, ${stored} stored\n`);
    return { trivial, commands, reads, durable };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'string' },
      'serve-trivial': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      runs: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '64' },
    },
    strict: true,
  });
  if (values['serve-trivial']) return serveTrivial();
  if (values.serve !== undefined) return serve(values.serve);

  const runs = Number(values.runs);
  const seconds = Number(values.duration);
  const connections = Number(values.connections);
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i += 1) {
    const r = await runOnce(seconds, connections);
    results.push(r);
    process.stdout.write(
      `run ${i + 1}/${runs}: trivial ${r.trivial.perSec.toFixed(0)}/s p99 ${r.trivial.p99Ms} ms ${r.trivial.cpuUsPerRequest!.toFixed(0)} µs CPU, ` +
        `commands ${r.commands.perSec.toFixed(0)}/s p99 ${r.commands.p99Ms} ms ${r.commands.cpuUsPerRequest!.toFixed(0)} µs CPU (failed ${r.commands.failed}), ` +
        `reads ${r.reads.perSec.toFixed(0)}/s p99 ${r.reads.p99Ms} ms ${r.reads.cpuUsPerRequest!.toFixed(0)} µs CPU (failed ${r.reads.failed}), durable ${r.durable}\n`,
    );
  }
  const summary = {
    runs,
    sqliteWriterThread: process.env.ACCORD_SQLITE_WRITER_THREAD ?? 'default',
    connections,
    durationSec: seconds,
    trivialRoutePerSec: Math.round(median(results.map((r) => r.trivial.perSec))),
    trivialP99Ms: median(results.map((r) => r.trivial.p99Ms)),
    // Per run, then the median: both sides of each ratio saw the same machine at the same time.
    commandsVsTrivial: round3(median(results.map((r) => r.commands.perSec / r.trivial.perSec))),
    readsVsTrivial: round3(median(results.map((r) => r.reads.perSec / r.trivial.perSec))),
    // The same comparison by CPU per request (trivial ÷ ours): what the rates would give on a machine
    // of our own, as a busy shared machine distorts the rates of the heavier server more.
    commandsVsTrivialCpu: round3(
      median(results.map((r) => r.trivial.cpuUsPerRequest! / r.commands.cpuUsPerRequest!)),
    ),
    readsVsTrivialCpu: round3(
      median(results.map((r) => r.trivial.cpuUsPerRequest! / r.reads.cpuUsPerRequest!)),
    ),
    trivialCpuUsPerRequest: Math.round(median(results.map((r) => r.trivial.cpuUsPerRequest!))),
    commandCpuUsPerRequest: Math.round(median(results.map((r) => r.commands.cpuUsPerRequest!))),
    readCpuUsPerRequest: Math.round(median(results.map((r) => r.reads.cpuUsPerRequest!))),
    commandsPerSec: Math.round(median(results.map((r) => r.commands.perSec))),
    commandP50Ms: median(results.map((r) => r.commands.p50Ms)),
    commandP99Ms: median(results.map((r) => r.commands.p99Ms)),
    readsPerSec: Math.round(median(results.map((r) => r.reads.perSec))),
    readP50Ms: median(results.map((r) => r.reads.p50Ms)),
    readP99Ms: median(results.map((r) => r.reads.p99Ms)),
    failed: results.reduce((sum, r) => sum + r.trivial.failed + r.commands.failed + r.reads.failed, 0),
    everyCommandDurable: results.every((r) => r.durable),
  };
  const table = [
    ['', 'per sec (median)', 'p50 ms', 'p99 ms', 'target'],
    [
      'trivial Nest+Fastify route',
      String(summary.trivialRoutePerSec),
      String(median(results.map((r) => r.trivial.p50Ms))),
      String(summary.trivialP99Ms),
      'baseline',
    ],
    [
      'commands (1 event each)',
      String(summary.commandsPerSec),
      String(summary.commandP50Ms),
      String(summary.commandP99Ms),
      `>= 3000/s, p99 <= 40 ms; ${summary.commandsVsTrivial} of trivial`,
    ],
    [
      'reads GET /cases/:id',
      String(summary.readsPerSec),
      String(summary.readP50Ms),
      String(summary.readP99Ms),
      `>= 8000/s; ${summary.readsVsTrivial} of trivial`,
    ],
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  process.stdout.write(
    `\n${table.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n')}\n`,
  );
  process.stdout.write(
    `every command durable: ${summary.everyCommandDurable}; failed requests: ${summary.failed}\n`,
  );
  if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:api: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}${
      error instanceof Error && error.cause !== undefined ? `\ncause: ${String(error.cause)}` : ''
    }\n`,
  );
  process.exit(1);
});
