import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { Role } from '@accord/events';
import { ACCESS_LOG_STREAM } from '@accord/api/access/access-log';
import { startApi, STAFF, type ApiHarness } from './support/api-harness';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { runAccord } from './support/cli-run';
import { readModelsCaughtUp, SEEDED, seedCases, seedDemo, type SeededCases } from './support/dashboard-seed';

// Run in the page, as strings: the test's own typings have no DOM.
const PAINTED_PIXELS = `[...document.querySelectorAll('.chart canvas')].map((canvas) => {
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let drawn = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) drawn += 1;
  return drawn;
})`;
const AXE_VIOLATIONS = `axe.run().then((result) => result.violations.map((v) => ({
  id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target),
})))`;
interface Violation {
  readonly id: string;
  readonly impact: string;
  readonly targets: unknown[];
}

// The party all three seeded cases name (test/support/api-fixtures litigationCase).
const SHARED_PARTY = 'RESIDENT_ID-370423199001011234';

const VIEWS = ['overview', 'deadlines', 'risk', 'organs', 'register', 'briefing', 'audit'] as const;

// A browser on two shared cores: each test drives several page loads.
jest.setTimeout(120_000);

describe('the dashboard in a real browser, on the real API', () => {
  let h: ApiHarness;
  let browser: TestBrowser;
  let cases: SeededCases;

  beforeAll(async () => {
    h = await startApi({}, { inProcessProjector: true });
    await seedDemo(h, 3_000);
    cases = await seedCases(h);
    await readModelsCaughtUp(h);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const tokenOf = (who: keyof typeof STAFF) => {
    const [agency, staffId, role] = STAFF[who];
    return h.token(agency, staffId, role as Role);
  };

  const ready = (page: Page, view: string) =>
    page.waitForSelector(`#view[data-view="${view}"][data-ready="true"]`, { timeout: 20_000 });

  /** A fresh page signed in as `who`, on `view`, with every answer of the view in. */
  async function signedIn(who: keyof typeof STAFF, view: (typeof VIEWS)[number] = 'overview') {
    const page = await browser.page(h.url);
    await page.goto(`/dashboard#/${view}`);
    await page.fill('#token', tokenOf(who));
    await page.click('#sign-in-form button[type="submit"]');
    await ready(page, view);
    return page;
  }

  interface ListedCase {
    caseId: string;
    channel: string;
    leadAgency: string;
    externalCaseNumber: string;
    participants?: string[];
    openInvitations: { agency: string }[];
  }

  /** Every case `who` may see, by paging through GET /cases as any client would. */
  async function listed(who: keyof typeof STAFF): Promise<ListedCase[]> {
    const [agency, staffId, role] = STAFF[who];
    const items: ListedCase[] = [];
    let after: string | null = null;
    do {
      const res = await h.http
        .get('/cases')
        .query({ limit: 100, ...(after === null ? {} : { after }) })
        .set(h.auth(agency, staffId, role))
        .expect(200);
      items.push(...(res.body.items as ListedCase[]));
      after = res.body.nextCursor as string | null;
    } while (after !== null);
    return items;
  }

  async function casesPerChannel(who: keyof typeof STAFF) {
    const counts: Record<string, number> = {
      RECONSIDERATION: 0,
      LITIGATION: 0,
      PROCURATORIAL_SUPERVISION: 0,
    };
    for (const item of await listed(who)) counts[item.channel]! += 1;
    return counts;
  }

  async function open(page: Page, view: string) {
    await page.click(`#tab-${view}`);
    await ready(page, view);
  }

  it('overview: loads with the seeded cases, draws its charts, and exports a table as CSV', async () => {
    const page = await signedIn('auditor');
    const painted = await page.evaluate<number[]>(PAINTED_PIXELS);
    expect(painted.length).toBeGreaterThanOrEqual(2);
    for (const count of painted) expect(count).toBeGreaterThan(1000);
    // The chart's table says what the API's own list says: each channel's total, in words.
    const expected = await casesPerChannel('auditor');
    const rows = await page
      .locator('table', { hasText: '按渠道和阶段统计的案件' })
      .first()
      .locator('tbody tr')
      .allInnerTexts();
    const totals = Object.fromEntries(
      rows.map((row) => row.split('\t')).map((cells) => [cells[0], Number(cells.at(-1))]),
    );
    expect(totals).toEqual({
      行政复议: expected.RECONSIDERATION,
      行政诉讼: expected.LITIGATION,
      检察监督: expected.PROCURATORIAL_SUPERVISION,
    });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.csv >> nth=0')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^\ufeff渠道,已登记,.*,合计$/);
    expect(csv.slice(1, 4).map((line) => [line.split(',')[0], Number(line.split(',').at(-1))])).toEqual(
      Object.entries(totals),
    );
    await screenshot(page, 'overview');
  });

  it('the language toggle switches every label, and the lang attribute, both ways', async () => {
    const page = await signedIn('courtClerk');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.innerText('#tab-overview')).toBe('总览');
    await page.click('#lang-toggle');
    await ready(page, 'overview');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.innerText('#tab-overview')).toBe('Overview');
    expect(await page.innerText('#view h2')).toBe('Overview');
    expect(await page.innerText('#view')).toContain('Cases by channel and stage');
    expect(await page.innerText('#view')).toContain('Litigation');
    await screenshot(page, 'overview-en');
    await page.click('#lang-toggle');
    await ready(page, 'overview');
    expect(await page.innerText('#tab-overview')).toBe('总览');
  });

  it.each([
    ['courtClerk', [SEEDED.reconsideration, SEEDED.supervision]],
    ['organ', [SEEDED.reconsideration, SEEDED.litigation, SEEDED.supervision]],
  ] as const)(
    'Art 17: %s never sees a case it takes no part in, on any view, and its reads are logged',
    async (who, hidden) => {
      const staffId = STAFF[who][1];
      const logged = async () =>
        (await h.built.store.readStream(ACCESS_LOG_STREAM)).filter((e) => e.actor.staffId === staffId).length;
      const before = await logged();
      // Every answer the page receives, not only what it renders: the API must not send it either.
      const answers: { url: string; text: Promise<string> }[] = [];
      const page = await browser.page(h.url);
      page.on('response', (response) => {
        if (!new URL(response.url()).pathname.startsWith('/dashboard'))
          answers.push({ url: response.url(), text: response.text().catch(() => '') });
      });
      await page.goto('/dashboard#/overview');
      await page.fill('#token', tokenOf(who));
      await page.click('#sign-in-form button[type="submit"]');
      await ready(page, 'overview');
      // The seeded cases it takes no part in, and every demo case where it is neither lead,
      // participant nor invitee, as an auditor's list shows them.
      const agency = STAFF[who][0];
      const visible = (await listed(who)).map((c) => c.externalCaseNumber);
      const secrets = [
        ...hidden,
        ...hidden.map((n) =>
          n === SEEDED.reconsideration
            ? cases.reconsideration
            : n === SEEDED.litigation
              ? cases.litigation
              : cases.supervision,
        ),
        ...(await listed('auditor'))
          .filter(
            (c) =>
              c.leadAgency !== agency &&
              !c.participants!.includes(agency) &&
              !c.openInvitations.some((i) => i.agency === agency),
          )
          .flatMap((c) => [
            c.caseId,
            ...(visible.some((v) => v.includes(c.externalCaseNumber)) ? [] : [c.externalCaseNumber]),
          ]),
      ];
      expect(secrets.length).toBeGreaterThan(hidden.length * 2 + 20);
      const tabs = await page.$$eval('#tabs a', (links) => links.map((a) => a.id.replace('tab-', '')));
      expect(tabs).not.toContain('audit');
      for (const view of tabs) {
        await open(page, view);
        const html = await page.content();
        expect([view, secrets.filter((secret) => html.includes(secret))]).toEqual([view, []]);
      }
      // The register's party lookup, for the party every seeded case names (its own filings only).
      if (tabs.includes('register')) {
        await open(page, 'register');
        await page.fill('input[name="partyId"]', SHARED_PARTY);
        await page.click('form:has(input[name="partyId"]) button[type="submit"]');
        await page.locator('#view table', { hasText: SHARED_PARTY }).first().waitFor();
        const html = await page.content();
        expect(['party', secrets.filter((secret) => html.includes(secret))]).toEqual(['party', []]);
      }
      expect(answers.length).toBeGreaterThan(tabs.length);
      for (const answer of answers) {
        const text = await answer.text;
        expect([answer.url, secrets.filter((secret) => text.includes(secret))]).toEqual([answer.url, []]);
      }
      expect(await logged()).toBeGreaterThan(before);
    },
  );

  it("an auditor opens a case's history and sees each event's hash as the ledger stored it", async () => {
    const page = await signedIn('auditor', 'audit');
    // What the Art 17 test looks for is on the page when the reader may see it: the check can fail.
    expect(await page.content()).toContain(cases.reconsideration);
    expect(await page.content()).toContain(SEEDED.reconsideration);
    await page.selectOption('select[name="caseId"]', cases.litigation);
    await page.click('form:has(select[name="caseId"]) button[type="submit"]');
    const history = page.locator('table', { hasText: SEEDED.litigation });
    await history.waitFor();
    const stored = await h.built.store.readStream(`case-${cases.litigation}`);
    const hashes = await history.locator('td.hash').allInnerTexts();
    for (const event of stored) {
      expect(hashes).toContain(event.hash);
      expect(hashes).toContain(event.prevHash);
    }
    expect(await history.innerText()).toContain('CaseRegistered');
    // The browser runs in UTC; instants are shown on Shanghai's clock all the same.
    const shanghai = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'medium',
      timeStyle: 'medium',
    });
    expect(await history.innerText()).toContain(shanghai.format(new Date(stored[0]!.recordedAt)));
    await screenshot(page, 'audit-history');
  });

  /** Sums of a report's rows: `figure` is a dotted path into each row of GET /reports/summary. */
  async function summed(who: keyof typeof STAFF, figure: string): Promise<number> {
    const [agency, staffId, role] = STAFF[who];
    const res = await h.http
      .get('/reports/summary')
      .set(h.auth(agency, staffId, role))
      .expect(200);
    return (res.body.rows as Record<string, unknown>[])
      .map((row) => figure.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], row))
      .reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0);
  }

  const tableOf = (page: Page, caption: string | RegExp) =>
    page.locator('table', { has: page.locator('caption', { hasText: caption }) }).first();

  it('organs: commendations of every organ drawn per organ, listed beside, exported as CSV; cited cases only as the reader may see them', async () => {
    const page = await signedIn('courtClerk', 'organs');
    const perOrgan = tableOf(page, '各行政机关受表扬次数');
    await perOrgan.waitFor();
    const [agency, staffId, role] = STAFF.courtClerk;
    const report = (
      await h.http
        .get('/reports/commendations')
        .set(h.auth(agency, staffId, role))
        .expect(200)
    ).body as { organs: { organCode: string; commendations: number }[] };
    const rows = (await perOrgan.locator('tbody tr').allInnerTexts()).map((r) => r.split('\t'));
    expect(rows.map((cells) => [cells[0]!.match(/（(.+)）$/)![1], Number(cells[1])])).toEqual(
      report.organs.map((o) => [o.organCode, o.commendations]),
    );
    const painted = await page.evaluate<number[]>(PAINTED_PIXELS);
    expect(painted.length).toBeGreaterThanOrEqual(4);
    for (const count of painted) expect(count).toBeGreaterThan(1000);
    // The seeded commendation cites two cases the court takes no part in: counted, never named.
    const list = tableOf(page, /^表扬通报$/);
    const seeded = list.locator('tr', { hasText: 'Its head attended every session' });
    expect((await seeded.innerText()).split('\t').at(-1)).toBe('2');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button.csv[aria-label="导出 CSV：各行政机关受表扬次数（第十二条）"]'),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('\ufeff行政机关,表扬,最近表扬日期');
    expect(csv.length - 2).toBe(report.organs.length);
    await screenshot(page, 'organs-commendations');
    // An auditor sees the cited cases by id.
    const audited = await signedIn('auditor', 'organs');
    await tableOf(audited, /^表扬通报$/).waitFor();
    const cited = await tableOf(audited, /^表扬通报$/)
      .locator('tr', { hasText: 'Its head attended every session' })
      .innerText();
    expect(cited).toContain(cases.reconsideration);
    expect(cited).toContain(cases.supervision);
  });

  it('risk: prevention plans beside escalations, with how promptly they followed the risk finding', async () => {
    const page = await signedIn('govClerk', 'risk');
    const plans = tableOf(page, '预防和处置预案（第十条）');
    await plans.waitFor();
    const adopted = (await plans.locator('tbody tr').allInnerTexts()).reduce(
      (sum, row) => sum + Number(row.split('\t')[1]),
      0,
    );
    expect(adopted).toBe(await summed('govClerk', 'preventionPlans.adopted'));
    expect(adopted).toBeGreaterThan(0);
    // The seeded plan's month and channel: the page's median is the report's.
    const [agency, staffId, role] = STAFF.govClerk;
    const rows = (
      await h.http
        .get('/reports/summary')
        .set(h.auth(agency, staffId, role))
        .expect(200)
    ).body.rows as {
      month: string;
      channel: string;
      preventionPlans: { medianDaysFromAssessment: number };
    }[];
    const expected = rows.find((r) => r.month === '2024-03' && r.channel === 'RECONSIDERATION')!;
    expect(expected.preventionPlans.medianDaysFromAssessment).toEqual(expect.any(Number));
    const prompt = tableOf(page, '重大风险报告与预案的及时性');
    const march = (await prompt.locator('tbody tr').allInnerTexts()).find((r) =>
      r.startsWith('2024-03\t行政复议'),
    );
    expect(march?.split('\t').at(-1)).toBe(String(expected.preventionPlans.medianDaysFromAssessment));
    expect(await page.evaluate<number[]>(PAINTED_PIXELS)).toHaveLength(4);
    await page.click('#lang-toggle');
    await ready(page, 'risk');
    expect(await page.innerText('#view')).toContain('Prevention and handling plans (Art 10)');
    await screenshot(page, 'risk-plans');
  });

  it("audit: the ledger's integrity state, the latest co-signed checkpoint and the last verify run as accord verify recorded it, intact then failed", async () => {
    const page = await signedIn('auditor', 'audit');
    expect(await page.innerText('#view')).toContain('尚无校验记录');
    expect(await page.innerText('#view')).toContain('尚无联署检查点');
    // The three agencies co-sign a checkpoint of the ledger as it stands, and verify runs against it.
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-notes-'));
    try {
      const keys: string[] = [];
      const trusted: string[] = [];
      for (const agency of ['COURT', 'PROCURATORATE', 'GOV_OFFICE']) {
        const file = path.join(bad, `${agency}.key`);
        const made = await runAccord(['keys', 'generate', '--agency', agency, '--out', file]);
        expect(made.code).toBe(0);
        trusted.push(made.stdout.trim());
        keys.push(file);
      }
      fs.writeFileSync(path.join(bad, 'trusted'), `${trusted.join('\n')}\n`);
      const taken = await runAccord([
        'checkpoint',
        '--data',
        h.dataDir,
        ...keys.flatMap((k) => ['--key', k]),
      ]);
      expect(taken.code).toBe(0);
      const size = Number(/tree size (\d+)/.exec(taken.stdout)![1]);
      fs.mkdirSync(path.join(bad, 'export'));
      const note = path.join(bad, 'export', 'checkpoint.note');
      expect((await runAccord(['checkpoint', 'export', '--data', h.dataDir, '--out', note])).code).toBe(0);
      const run = await runAccord([
        'verify',
        '--data',
        h.dataDir,
        '--checkpoint',
        note,
        '--trusted-keys',
        path.join(bad, 'trusted'),
      ]);
      expect(run.code).toBe(0);
      const head = Number(/head position (\d+)/.exec(run.stdout)![1]);
      await page.reload();
      await ready(page, 'audit');
      expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('intact');
      const table = tableOf(page, '最近一次校验');
      expect(await table.innerText()).toContain(`日志头位置\t${head}`);
      expect(await table.innerText()).toMatch(new RegExp(`对照的检查点\\t\\S+ ${size} ✓ COURT`));
      expect(await tableOf(page, '最近的联署检查点').innerText()).toContain(`treeSize\t${size}`);
      // A checkpoint note that does not verify: the run fails, and the page says so and why.
      fs.writeFileSync(path.join(bad, 'note'), 'not a checkpoint\n');
      fs.writeFileSync(path.join(bad, 'keys'), 'not a key\n');
      const failed = await runAccord([
        'verify',
        '--data',
        h.dataDir,
        '--checkpoint',
        path.join(bad, 'note'),
        '--trusted-keys',
        path.join(bad, 'keys'),
      ]);
      expect(failed.code).toBe(1);
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
    await page.reload();
    await ready(page, 'audit');
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('broken');
    expect(await tableOf(page, '最近一次校验').innerText()).toMatch(/首个异常位置\t\S/);
    await screenshot(page, 'audit-integrity');
    // Auditors only: a clerk's token is refused by the API itself.
    const [agency, staffId, role] = STAFF.courtLead;
    await h.http
      .get('/ledger/verify-runs/last')
      .set(h.auth(agency, staffId, role))
      .expect(403);
  });

  it('is usable with the keyboard alone: skip link, sign-in, then Tab and Enter through every view', async () => {
    const page = await browser.page(h.url);
    await page.goto('/dashboard');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.className')).toBe('skip-link');
    await page.keyboard.press('Tab'); // the language toggle
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('token');
    await page.keyboard.insertText(tokenOf('auditor'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await ready(page, 'overview');

    const focusedId = () => page.evaluate<string>('document.activeElement.id');
    for (const view of VIEWS.slice(1)) {
      for (let presses = 0; (await focusedId()) !== `tab-${view}`; presses += 1) {
        if (presses > 40) throw new Error(`Tab never reached the ${view} tab`);
        await page.keyboard.press('Tab');
      }
      const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
      expect(outline).not.toBe('none');
      await page.keyboard.press('Enter');
      await ready(page, view);
      expect(await page.getAttribute(`#tab-${view}`, 'aria-current')).toBe('page');
    }
  });

  it('axe-core finds no serious or critical violation on the sign-in page or any view', async () => {
    const page = await browser.page(h.url);
    await page.goto('/dashboard');
    const axe = require.resolve('axe-core/axe.min.js');
    const scan = async (where: string) => {
      await page.addScriptTag({ path: axe });
      const violations = await page.evaluate<Violation[]>(AXE_VIOLATIONS);
      expect([where, violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')]).toEqual([
        where,
        [],
      ]);
    };
    await scan('sign-in');
    await screenshot(page, 'sign-in');
    await page.fill('#token', tokenOf('auditor'));
    await page.click('#sign-in-form button[type="submit"]');
    await ready(page, 'overview');
    for (const view of VIEWS) {
      await open(page, view);
      await scan(view);
      await screenshot(page, view);
    }
  });
});
