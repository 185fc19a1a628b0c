import { startApi, type ApiHarness } from './support/api-harness';

describe('/dashboard serves its own files and nothing else, with no data and no token', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(() => h.close());

  it('serves the page in Chinese under the API’s Content-Security-Policy (scripts from itself only)', async () => {
    const res = await h.http.get('/dashboard').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.text).toContain('<html lang="zh-CN">');
    // Every script is a file of its own: an inline one would be refused by the CSP.
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('serves ECharts from the npm package, not a CDN', async () => {
    const res = await h.http.get('/dashboard/echarts.min.js').expect(200);
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.text.length).toBeGreaterThan(500_000);
    const page = await h.http.get('/dashboard');
    expect(page.text).not.toMatch(/https?:\/\//);
  });

  it.each(['app.js', 'dashboard.css', 'i18n.js'])('serves %s', async (name) => {
    await h.http.get(`/dashboard/${name}`).expect(200);
  });

  it.each(['..%2Fpackage.json', '..%2F..%2Fapps%2Fapi%2Fsrc%2Fmain.ts', 'nothing.js', '.env'])(
    'answers 404 ROUTE_NOT_FOUND for %s, never a file outside the dashboard',
    async (name) => {
      const res = await h.http.get(`/dashboard/${name}`).expect(404);
      expect(res.body.code).toBe('ROUTE_NOT_FOUND');
    },
  );
});
