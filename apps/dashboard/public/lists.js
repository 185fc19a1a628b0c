import { get, getAll, rowsOf } from './api.js';
import { code, figureLabel, t } from './i18n.js';
import { columnsOf, dataTable, el, mount, notData, panel, positionNote, uid } from './ui.js';

/** Today's calendar date in Asia/Shanghai, the Measures' legal day. */
export function shanghaiToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

// The query endpoints' largest page.
const MAX_ROWS = 500;

const dueOf = (row) => row.dueBy;

/**
 * Why a deadline falls on its day: the explanation's own words (rule, start, days counted and
 * skipped), then, when the calendar in force now gives another day than the one recorded, why.
 */
const why = (row) => [row.explanation?.text, row.why].filter(Boolean).join(' ');

const DEADLINE_COLUMNS = (numbers) => [
  { value: (r) => (r.caseId ? (numbers.get(r.caseId) ?? r.caseId) : r.letterId), label: t('caseNumber') },
  { key: 'kind', label: t('kind') },
  { key: 'owner', label: t('owner') },
  {
    value: (r) => `${r.dueBy ?? ''}${r.provisional ? ` (${t('provisional')})` : ''}`,
    label: t('dueOn'),
  },
  { value: (r) => (r.changed ? r.recordedDueBy : ''), label: t('recordedDueOn') },
  { value: why, label: t('why') },
];

export async function deadlines(container) {
  const answer = await get(`/deadlines?limit=${MAX_ROWS}`);
  if (!answer.ok) {
    mount(container, notData(t('deadlines'), answer));
    return;
  }
  // Deadlines name their case by id; the case list (the same reader's) gives its docket number.
  const cases = await getAll('/cases');
  const numbers = new Map(cases.ok ? cases.body.items.map((c) => [c.caseId, c.externalCaseNumber]) : []);
  const rows = rowsOf(answer.body);
  const today = shanghaiToday();
  const overdue = (r) => Boolean(r.overdue) || String(dueOf(r) ?? '9999') < today;
  const sorted = [...rows].sort((a, b) => String(dueOf(a)).localeCompare(String(dueOf(b))));
  const columns = DEADLINE_COLUMNS(numbers);
  mount(
    container,
    positionNote(answer.body),
    rows.some((r) => r.provisional)
      ? el('p', {}, el('span', { class: 'badge warn' }, t('provisional')), ' ', t('provisionalNote'))
      : null,
    panel(
      t('overdue'),
      dataTable({ caption: t('overdue'), file: 'overdue', columns, rows: sorted.filter(overdue) }),
    ),
    panel(
      t('upcoming'),
      dataTable({
        caption: t('upcoming'),
        file: 'upcoming',
        columns,
        rows: sorted.filter((r) => !overdue(r)),
      }),
    ),
  );
  await stuckCases(container);
}

/** Open cases with no activity for 30 days (the endpoint's default), longest idle first. */
async function stuckCases(container) {
  const answer = await get(`/cases/stuck?limit=${MAX_ROWS}`);
  if (!answer.ok) {
    mount(container, notData(t('stuck'), answer));
    return;
  }
  const rows = rowsOf(answer.body);
  mount(
    container,
    panel(
      t('stuck'),
      dataTable({ caption: t('stuck'), file: 'stuck-cases', columns: columnsOf(rows), rows }),
    ),
  );
}

/** `value` with nested objects flattened to dotted keys (the briefing's figures). */
function flatten(value, prefix = '', into = {}) {
  for (const [key, inner] of Object.entries(value ?? {})) {
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner))
      flatten(inner, `${prefix}${key}.`, into);
    else into[`${prefix}${key}`] = inner;
  }
  return into;
}

const FIGURE_COLUMNS = () => [
  { value: (r) => figureLabel(r.field), label: t('field') },
  {
    // Rates arrive as fractions; people read percentages.
    value: (r) =>
      /(^|\.)(resolutionRate|rate)$/.test(r.field) && typeof r.value === 'number'
        ? `${Math.round(r.value * 1000) / 10}%`
        : r.value,
    label: t('value'),
    kind: 'num',
  },
];

/** Every array in an answer as its own table; its scalars, and each object flattened, as figures. */
function answerTables(body, file) {
  const nodes = [];
  const scalars = Object.entries(body ?? {}).filter(([, v]) => v === null || typeof v !== 'object');
  if (scalars.length > 0) {
    nodes.push(
      dataTable({
        caption: t('about'),
        file: `${file}-about`,
        columns: FIGURE_COLUMNS(),
        rows: scalars.map(([field, value]) => ({ field, value })),
      }),
    );
  }
  for (const [name, value] of Object.entries(body ?? {})) {
    if (Array.isArray(value)) {
      const rows = value.map((v) => (v !== null && typeof v === 'object' ? v : { value: v }));
      nodes.push(dataTable({ caption: t(name), file: `${file}-${name}`, columns: columnsOf(rows), rows }));
    } else if (value !== null && typeof value === 'object') {
      nodes.push(
        dataTable({
          caption: t(name),
          file: `${file}-${name}`,
          columns: FIGURE_COLUMNS(),
          rows: Object.entries(flatten(value)).map(([field, v]) => ({ field, value: v })),
        }),
      );
    }
  }
  return nodes;
}

export async function register(container, { claims }) {
  if (claims.agency.startsWith('ORGAN:')) {
    mount(container, panel(t('register'), el('p', {}, t('agenciesOnly'))));
    return;
  }
  // The API names only cases the reader takes part in (Art 17) and counts the rest.
  const alerts = await get('/register/alerts');
  if (!alerts.ok) mount(container, notData(t('alerts'), alerts));
  else {
    const rows = rowsOf(alerts.body);
    const filingText = (f) => `${code(f.channel)} ${f.externalCaseNumber ?? ''} ${f.acceptedOn ?? ''}`.trim();
    const columns = [
      { key: 'partyKey', label: t('partyKey') },
      { key: 'respondentName', label: t('respondentName') },
      { value: (a) => a.filings?.length, label: t('filings'), kind: 'num' },
      { key: 'withheldFilings', label: t('withheldFilings'), kind: 'num' },
      { key: 'from', label: t('from') },
      { key: 'to', label: t('to') },
      { value: (a) => (a.filings ?? []).map(filingText).join('；'), label: t('caseNumber') },
      { key: 'note', label: t('note') },
    ];
    mount(
      container,
      positionNote(alerts.body),
      panel(
        t('alerts'),
        dataTable({ caption: t('alerts'), file: 'pattern-alerts', columns, rows }),
        alerts.body.withheldAlerts > 0
          ? el('p', { class: 'withheld' }, t('withheldAlerts', { n: alerts.body.withheldAlerts }))
          : null,
      ),
    );
  }
  const id = uid('party');
  const result = el('div', { 'aria-live': 'polite' });
  const input = el('input', { id, name: 'partyId', required: true, autocomplete: 'off' });
  const form = el(
    'form',
    {
      class: 'toolbar',
      onsubmit: async (event) => {
        event.preventDefault();
        result.replaceChildren();
        const answer = await get(`/register/parties/${encodeURIComponent(input.value.trim())}`);
        mount(result, answer.ok ? answerTables(answer.body, 'party') : notData(t('flags'), answer));
      },
    },
    el('label', { for: id }, t('partyId')),
    input,
    el('button', { type: 'submit' }, t('look')),
  );
  mount(container, panel(`${t('partyLookup')} · ${t('flags')}`, form, result));
}

/** The month before this one in Asia/Shanghai, YYYY-MM: a briefing reports on a period that has ended. */
function lastMonth() {
  const [year, month] = shanghaiToday().split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export async function briefing(container) {
  const id = uid('period');
  const input = el('input', { id, name: 'period', value: lastMonth(), pattern: '\\d{4}(-\\d{2}|-Q[1-4])?' });
  const result = el('div', { 'aria-live': 'polite' });
  const load = async () => {
    result.replaceChildren();
    const answer = await get(`/reports/briefing?period=${encodeURIComponent(input.value.trim())}`);
    mount(
      result,
      answer.ok
        ? [positionNote(answer.body), ...answerTables(answer.body, 'briefing')]
        : notData(t('briefingTitle'), answer),
    );
  };
  const form = el(
    'form',
    {
      class: 'toolbar',
      onsubmit: (event) => {
        event.preventDefault();
        void load();
      },
    },
    el('label', { for: id }, t('period')),
    input,
    el('button', { type: 'submit' }, t('show')),
    el('button', { type: 'button', onclick: () => window.print() }, t('print')),
  );
  mount(container, panel(t('briefingTitle'), form, result));
  await load();
}
