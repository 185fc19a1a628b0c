import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliIo, runCli } from '../cli';
import { commands } from './index';

function capture(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env, cwd: process.cwd() };
  return { io, out: () => out.join('\n'), err: () => err.join('\n') };
}

describe('accord demo', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-cli-demo-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('fills an empty ledger that `accord verify` then finds intact, and refuses to write into it again', async () => {
    const dir = fresh();
    const demo = capture();
    expect(
      await runCli(['demo', '--events', '1500', '--seed', '9', '--data', dir, '--json'], commands, demo.io),
    ).toBe(0);
    const summary = JSON.parse(demo.out()) as {
      events: number;
      cases: number;
      byType: Record<string, number>;
    };
    expect(summary.events).toBeGreaterThan(1300);
    expect(summary.events).toBeLessThanOrEqual(1500);
    expect(summary.cases).toBe(summary.byType['CaseRegistered']);

    const verify = capture();
    expect(await runCli(['verify', '--data', dir, '--json'], commands, verify.io)).toBe(0);
    expect(JSON.parse(verify.out())).toMatchObject({ ok: true, events: summary.events });

    const again = capture();
    expect(await runCli(['demo', '--events', '100', '--data', dir], commands, again.io)).toBe(2);
    expect(again.err()).toMatch(new RegExp(`already holds ${summary.events} events`));
    const after = capture();
    await runCli(['verify', '--data', dir, '--json'], commands, after.io);
    expect(JSON.parse(after.out())).toMatchObject({ events: summary.events });
  }, 120_000);

  it('prints a summary by kind, taking the data directory from ACCORD_DATA_DIR', async () => {
    const dir = fresh();
    const c = capture({ ACCORD_DATA_DIR: dir });
    expect(await runCli(['demo', '--events', '300'], commands, c.io)).toBe(0);
    expect(c.out()).toMatch(
      /^demo ledger written: \d+ events in \d+ streams \(\d+ cases\), 2024-01-02 to 2026-11-30, seed 1/,
    );
    expect(c.out()).toMatch(/Events by type:\n {2}\w+/);
    expect(c.out()).toContain(join(dir, 'ledger.db'));
  }, 120_000);

  it('refuses bad numbers as usage errors, writing nothing', async () => {
    for (const args of [
      ['--events', '0'],
      ['--events', 'many'],
      ['--seed', '-1'],
      ['--events', '1e3'],
      ['--bogus'],
    ]) {
      const dir = fresh();
      const c = capture();
      expect(await runCli(['demo', ...args, '--data', dir], commands, c.io)).toBe(2);
      expect(c.err()).toMatch(/^accord demo: /);
      expect(c.err()).toMatch(/Usage: accord demo/);
      expect(existsSync(join(dir, 'ledger.db'))).toBe(false);
    }
  });
});
