import * as fs from 'node:fs';
import * as path from 'node:path';

/** One file the dashboard serves: its bytes and content type. */
export interface DashboardAsset {
  readonly body: Buffer;
  readonly type: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * The dashboard's files live in `apps/dashboard/public` (hand-written ES modules, no build step).
 * The API runs both from source (tests, ts-node) and from `dist/`, so the folder is found by walking
 * up from here rather than by a path fixed at one depth.
 */
export function dashboardDir(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'apps', 'dashboard', 'public');
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`dashboard: no apps/dashboard/public above ${from}`);
  }
}

/**
 * Every file the dashboard may serve, read once at boot: the folder's own files (flat, by name) and
 * ECharts from its npm package, so nothing comes from a CDN. A name outside this map is a 404, so a
 * request can never reach another file on disk.
 */
export function loadDashboardAssets(dir: string = dashboardDir()): ReadonlyMap<string, DashboardAsset> {
  const assets = new Map<string, DashboardAsset>();
  for (const name of fs.readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (type !== undefined) assets.set(name, { body: fs.readFileSync(path.join(dir, name)), type });
  }
  assets.set('echarts.min.js', {
    body: fs.readFileSync(require.resolve('echarts/dist/echarts.min.js')),
    type: TYPES['.js']!,
  });
  return assets;
}
