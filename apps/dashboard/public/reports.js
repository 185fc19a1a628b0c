import { getAll, get, pick, rowsOf } from './api.js';
import { code, t } from './i18n.js';
import { columnsOf, countBy, dataTable, el, figure, mount, notData, panel, positionNote } from './ui.js';

const CHANNELS = ['RECONSIDERATION', 'LITIGATION', 'PROCURATORIAL_SUPERVISION'];
const STAGES = [
  'REGISTERED',
  'ELIGIBILITY_ASSESSED',
  'RESOLUTION_OPEN',
  'RESOLUTION_ENDED',
  'OUTCOME_RECORDED',
  'CLOSED',
];
// An invitee's reduced row does not show the stage (Art 17): counted apart, never guessed.
const REDUCED = 'INVITED_REDUCED';

const monthOf = (row) => pick(row, 'month', 'period', 'yearMonth');
const agencyOf = (row) => pick(row, 'agency', 'leadAgency');
const isTotal = (value) => value === undefined || value === null || value === 'ALL' || value === '*';

/** The first key of `row` whose name matches one of `patterns`, in the order of the patterns. */
function keyLike(rows, ...patterns) {
  const keys = columnsOf(rows).map((c) => c.key);
  for (const pattern of patterns) {
    const found = keys.find((k) => pattern.test(k) && rows.some((r) => typeof r[k] === 'number'));
    if (found) return found;
  }
  return undefined;
}

/**
 * Summary rows for one dimension (month or agency): the rows already totalled over the others when
 * the report gives them, else the finer rows summed (counts only: a median or a rate cannot be summed).
 */
function rollUp(rows, dimension, others, metrics) {
  const totals = rows.filter((r) => others.every((o) => isTotal(r[o])) && !isTotal(dimension(r)));
  if (totals.length > 0) return totals;
  const merged = new Map();
  for (const row of rows) {
    const key = dimension(row);
    if (isTotal(key)) continue;
    const into = merged.get(key) ?? { key };
    for (const metric of metrics)
      if (typeof row[metric] === 'number') into[metric] = (into[metric] ?? 0) + row[metric];
    merged.set(key, into);
  }
  return [...merged.values()];
}

const axisChart = (categories, series, { percent = false } = {}) => ({
  legend: { top: 0 },
  grid: { left: 48, right: 16, top: 36, bottom: 48 },
  xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
  yAxis: { type: 'value', max: percent ? 100 : undefined },
  series,
});

/** Overview: what every member of staff may see of the cases, then the monthly reports. */
export async function overview(container) {
  const cases = await getAll('/cases');
  if (!cases.ok) {
    mount(container, notData(t('casesByChannelStage'), cases));
  } else {
    const items = cases.body.items;
    const stageOf = (row) => row.stage ?? REDUCED;
    const stages = [...STAGES, REDUCED].filter((s) => items.some((row) => stageOf(row) === s));
    const rows = CHANNELS.map((channel) => {
      const mine = items.filter((row) => row.channel === channel);
      const counts = countBy(mine, stageOf);
      return {
        channel,
        ...Object.fromEntries(stages.map((s) => [s, counts.get(s) ?? 0])),
        total: mine.length,
      };
    });
    const label = (s) => (s === REDUCED ? t('reducedRow') : code(s));
    mount(
      container,
      positionNote(cases.body),
      figure({
        title: t('casesByChannelStage'),
        option: axisChart(
          stages.map(label),
          CHANNELS.map((channel, i) => ({
            name: code(channel),
            type: 'bar',
            stack: 'cases',
            data: stages.map((s) => rows[i][s]),
          })),
        ),
        table: dataTable({
          caption: t('casesByChannelStage'),
          file: 'cases-by-channel-stage',
          columns: [
            { key: 'channel', label: t('channel') },
            ...stages.map((s) => ({ key: s, label: label(s), kind: 'num' })),
            { key: 'total', label: t('total'), kind: 'num' },
          ],
          rows,
        }),
      }),
    );
    const byAgency = countBy(items, (row) => row.leadAgency, ['COURT', 'PROCURATORATE', 'GOV_OFFICE']);
    const agencyRows = [...byAgency].map(([agency, count]) => ({ agency, count }));
    mount(
      container,
      figure({
        title: `${t('perAgency')} · ${t('visibleCases')}`,
        option: axisChart(
          agencyRows.map((r) => code(r.agency)),
          [{ name: t('caseCount'), type: 'bar', data: agencyRows.map((r) => r.count) }],
        ),
        table: dataTable({
          caption: `${t('perAgency')} · ${t('visibleCases')}`,
          file: 'cases-per-agency',
          columns: [
            { key: 'agency', label: t('leadAgency') },
            { key: 'count', label: t('caseCount'), kind: 'num' },
          ],
          rows: agencyRows,
        }),
      }),
    );
  }
  await monthlyReports(container);
}

async function monthlyReports(container) {
  const summary = await get('/reports/summary');
  const titles = [
    t('openedResolved'),
    t('resolutionRate'),
    t('daysToResolve'),
    `${t('perAgency')} · ${t('resolved')}`,
  ];
  if (!summary.ok) {
    mount(
      container,
      titles.map((title) => notData(title, summary)),
    );
    return;
  }
  const rows = rowsOf(summary.body);
  const opened = keyLike(rows, /^(cases)?registered$/i, /opened/i, /registered/i);
  const resolved = keyLike(rows, /^(cases)?resolved$/i, /resolved/i);
  const rate = keyLike(rows, /resolutionrate/i, /rate/i);
  const median = keyLike(rows, /median/i);
  const p90 = keyLike(rows, /p90/i);
  const months = rollUp(rows, monthOf, ['agency', 'channel'], [opened, resolved].filter(Boolean)).sort(
    (a, b) => String(monthOf(a) ?? a.key).localeCompare(String(monthOf(b) ?? b.key)),
  );
  const month = (r) => monthOf(r) ?? r.key;
  const percent = (r) => {
    const value = rate ? r[rate] : undefined;
    if (typeof value === 'number') return Math.round((value <= 1 ? value * 100 : value) * 10) / 10;
    return undefined;
  };
  const monthColumn = { value: month, label: t('month') };
  mount(
    container,
    positionNote(summary.body),
    figure({
      title: titles[0],
      option: axisChart(months.map(month), [
        { name: t('opened'), type: 'bar', data: months.map((r) => r[opened] ?? 0) },
        { name: t('resolved'), type: 'bar', data: months.map((r) => r[resolved] ?? 0) },
      ]),
      table: dataTable({
        caption: titles[0],
        file: 'opened-resolved-per-month',
        columns: [
          monthColumn,
          { key: opened, label: t('opened'), kind: 'num' },
          { key: resolved, label: t('resolved'), kind: 'num' },
        ],
        rows: months,
      }),
    }),
    figure({
      title: titles[1],
      option: axisChart(months.map(month), [{ name: t('rate'), type: 'line', data: months.map(percent) }], {
        percent: true,
      }),
      table: dataTable({
        caption: titles[1],
        file: 'resolution-rate-per-month',
        columns: [
          monthColumn,
          { value: (r) => (percent(r) === undefined ? '' : `${percent(r)}%`), label: t('rate') },
        ],
        rows: months,
      }),
    }),
    figure({
      title: titles[2],
      option: axisChart(months.map(month), [
        { name: t('median'), type: 'line', data: months.map((r) => r[median] ?? null) },
        { name: t('p90'), type: 'line', data: months.map((r) => r[p90] ?? null) },
      ]),
      table: dataTable({
        caption: titles[2],
        file: 'days-to-resolve',
        columns: [
          monthColumn,
          { key: median, label: t('median'), kind: 'num' },
          { key: p90, label: t('p90'), kind: 'num' },
        ],
        rows: months,
      }),
    }),
  );
  const agencies = rollUp(rows, agencyOf, ['month', 'channel'], [opened, resolved].filter(Boolean));
  const agency = (r) => agencyOf(r) ?? r.key;
  mount(
    container,
    figure({
      title: titles[3],
      option: axisChart(
        agencies.map((r) => code(agency(r))),
        [
          { name: t('opened'), type: 'bar', data: agencies.map((r) => r[opened] ?? 0) },
          { name: t('resolved'), type: 'bar', data: agencies.map((r) => r[resolved] ?? 0) },
        ],
      ),
      table: dataTable({
        caption: titles[3],
        file: 'per-agency',
        columns: [
          { value: agency, label: t('agency') },
          { key: opened, label: t('opened'), kind: 'num' },
          { key: resolved, label: t('resolved'), kind: 'num' },
        ],
        rows: agencies,
      }),
    }),
  );
}

/**
 * A view made of the report's figures whose names match `patterns` (risk, escalation…; attendance,
 * letters…): one chart per month and the same figures as a table.
 */
function reportFigures(title, patterns) {
  return async (container) => {
    const summary = await get('/reports/summary');
    if (!summary.ok) {
      mount(container, notData(title, summary));
      return;
    }
    const rows = rowsOf(summary.body);
    const metrics = columnsOf(rows)
      .map((c) => c.key)
      .filter((k) => patterns.some((p) => p.test(k)) && rows.some((r) => typeof r[k] === 'number'));
    const months = rollUp(rows, monthOf, ['agency', 'channel'], metrics);
    const month = (r) => monthOf(r) ?? r.key;
    mount(
      container,
      positionNote(summary.body),
      figure({
        title,
        option: axisChart(
          months.map(month),
          metrics.map((m) => ({ name: m, type: 'bar', data: months.map((r) => r[m] ?? 0) })),
        ),
        table: dataTable({
          caption: title,
          file: title,
          columns: [
            { value: month, label: t('month') },
            ...metrics.map((m) => ({ key: m, label: m, kind: 'num' })),
          ],
          rows: months,
        }),
      }),
    );
  };
}

export const risk = (container) =>
  reportFigures(t('riskLevels'), [/risk/i, /^(low|medium|high|major)$/i, /escalat/i, /plan/i, /prompt/i])(
    container,
  );

export const organs = (container) =>
  reportFigures(t('headAttendance'), [/attend/i, /head/i, /letter/i, /adopt/i, /commend/i])(container);
