import { code, t, when } from './i18n.js';

/** A DOM element: attributes (`on…` as listeners), then children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return element;
}

let ids = 0;
export const uid = (prefix) => `${prefix}-${(ids += 1)}`;

/** A titled section of a view. */
export function panel(title, ...children) {
  const id = uid('panel');
  return el('section', { class: 'panel', 'aria-labelledby': id }, el('h3', { id }, title), ...children);
}

/** What a section shows for an answer that is not data: a route not there yet, a refusal, an error. */
export function notData(title, result) {
  if (result.unavailable) {
    return el(
      'section',
      { class: 'panel unavailable', 'data-unavailable': result.path, 'aria-label': title },
      el('h3', {}, title),
      el('p', {}, t('unavailable', { path: result.path.split('?')[0] })),
    );
  }
  const message =
    result.status === 403
      ? t('forbidden')
      : t('failed', { status: result.status, detail: result.body?.detail ?? result.body?.title ?? '' });
  return panel(title, el('p', { class: 'error', role: 'alert' }, message));
}

/** The text of one cell: codes in words, instants in Asia/Shanghai, structures as compact JSON. */
export function cellText(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? '✓' : '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return /T\d{2}:\d{2}/.test(value) ? when(value) : String(code(value));
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.map(code).join('、');
  return JSON.stringify(value);
}

/** Columns for rows whose shape the view does not know in advance: every key of the first rows. */
export function columnsOf(rows) {
  const keys = [];
  for (const row of rows.slice(0, 20))
    for (const key of Object.keys(row ?? {})) if (!keys.includes(key)) keys.push(key);
  return keys.map((key) => ({ key, label: t(key) }));
}

function valueOf(row, column) {
  return column.value ? column.value(row) : row?.[column.key];
}

/** RFC 4180 CSV of what the table shows, with a BOM so spreadsheet software reads the Chinese as UTF-8. */
export function toCsv(columns, rows) {
  const quote = (text) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [columns.map((c) => quote(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(cellText(valueOf(row, c)))).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = el('a', { href: url, download: `${name}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A plain table with a caption and its CSV export. `columns`: `{ key | value(row), label, kind }`,
 * kind `num` (right-aligned) or `hash` (monospace, wraps).
 */
export function dataTable({ caption, columns, rows, file }) {
  const table = el(
    'table',
    {},
    el('caption', {}, caption),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        columns.map((c) => el('th', { scope: 'col' }, c.label)),
      ),
    ),
    el(
      'tbody',
      {},
      rows.length === 0
        ? el('tr', {}, el('td', { colspan: columns.length }, t('empty')))
        : rows.map((row) =>
            el(
              'tr',
              {},
              columns.map((c) => el('td', { class: c.kind }, cellText(valueOf(row, c)))),
            ),
          ),
    ),
  );
  const exportButton = el(
    'button',
    {
      type: 'button',
      class: 'csv',
      'aria-label': t('csvOf', { name: caption }),
      onclick: () => download(file ?? caption, toCsv(columns, rows)),
    },
    t('csv'),
  );
  // Focusable and named: a region that scrolls must be reachable and scrollable by keyboard.
  return el(
    'div',
    {},
    el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption }, table),
    exportButton,
  );
}

const charts = new Set();

/** Disposes the charts of the view being left. */
export function disposeCharts() {
  for (const chart of charts) chart.dispose();
  charts.clear();
  pending.length = 0;
}

window.addEventListener('resize', () => {
  for (const chart of charts) chart.resize();
});

const pending = [];

/**
 * A chart with its table beside it: the table is the accessible, exportable form of the same data.
 * The chart is drawn by `mount`, once the element is in the page (ECharts needs its size).
 */
export function figure({ title, option, table }) {
  const host = el('div', { class: 'chart', role: 'img', 'aria-label': t('chartAlt', { name: title }) });
  pending.push({ host, option });
  return panel(title, el('div', { class: 'figure' }, host, table));
}

/** Appends `nodes` to `container`, then draws every chart that is now in the page. */
export function mount(container, ...nodes) {
  container.append(...nodes.flat().filter(Boolean));
  for (let i = pending.length - 1; i >= 0; i -= 1) {
    const { host, option } = pending[i];
    if (!host.isConnected) continue;
    pending.splice(i, 1);
    const chart = window.echarts.init(host, null, { renderer: 'canvas' });
    chart.setOption({ animation: false, aria: { enabled: true }, tooltip: { trigger: 'axis' }, ...option });
    charts.add(chart);
  }
}

/** Counts of `rows` by `keyOf(row)`, in the order of `order` (then any other keys). */
export function countBy(rows, keyOf, order = []) {
  const counts = new Map(order.map((k) => [k, 0]));
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The log position an answer reflects, when it says. */
export function positionNote(body) {
  const position = body?.position ?? body?.readPosition ?? body?.logPosition;
  return typeof position === 'number'
    ? el('p', { class: 'position' }, t('asOfPosition', { position }))
    : null;
}
