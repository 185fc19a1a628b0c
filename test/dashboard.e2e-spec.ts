import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import type { Role } from '@accord/events';
import { ACCESS_LOG_STREAM } from '@accord/api/access/access-log';
import { startApi, STAFF, type ApiHarness } from './support/api-harness';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
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
      const page = await signedIn(who);
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
