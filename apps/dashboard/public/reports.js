import { getAll, get, rowsOf } from './api.js';
import { code, t } from './i18n.js';
import { countBy, dataTable, figure, mount, notData, panel, positionNote } from './ui.js';

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

const axisChart = (categories, series, { percent = false } = {}) => ({
  legend: { top: 0 },
  grid: { left: 48, right: 16, top: 36, bottom: 48 },
  xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
  yAxis: { type: 'value', max: percent ? 100 : undefined },
  series,
});

/** Overview: what every member of staff may see of the cases, then the monthly reports. */
export async function overview(container, { claims }) {
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
  // The monthly figures are for the three agencies and auditors (Art 14); an organ is not offered them.
  if (claims.roles.includes('auditor') || !claims.agency.startsWith('ORGAN:'))
    await monthlyReports(container);
}

/** 化解率 counts these outcomes as resolved (the projector's reading of Art 2), over every outcome recorded. */
const RESOLVED_OUTCOMES = ['SETTLED', 'MEDIATED', 'WITHDRAWN', 'ADMINISTRATIVE_ACT_CORRECTED'];
const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'MAJOR'];

const at = (row, path) =>
  path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), row);
const number = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const resolvedOf = (row) =>
  RESOLVED_OUTCOMES.reduce((n, o) => n + number(at(row, `resolvedByOutcome.${o}`)), 0);
const ratio = (part, whole) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
const percentText = (value) => (value === null ? '' : `${value}%`);

/**
 * The report's rows (one per month × lead agency × channel) summed by `keyOf`: counts add up, so
 * rates are computed from the sums rather than averaged.
 */
function sumBy(rows, keyOf, figures) {
  const groups = new Map();
  for (const row of rows) {
    const key = keyOf(row);
    const group =
      groups.get(key) ?? Object.fromEntries([['key', key], ...Object.keys(figures).map((f) => [f, 0])]);
    for (const [name, read] of Object.entries(figures)) group[name] += number(read(row));
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => String(a.key).localeCompare(String(b.key)));
}

/** GET /reports/summary once per view, or the panels that say why there is nothing to show. */
async function summaryRows(container, titles) {
  const summary = await get('/reports/summary');
  if (!summary.ok) {
    mount(
      container,
      titles.map((title) => notData(title, summary)),
    );
    return undefined;
  }
  mount(container, positionNote(summary.body));
  return { rows: rowsOf(summary.body), body: summary.body };
}

/** A chart of `series` over `groups` with the same figures as a table. */
function groupFigure({
  title,
  file,
  groups,
  keyLabel,
  keyText = (k) => k,
  series,
  columns,
  percent = false,
  stack,
}) {
  return figure({
    title,
    option: axisChart(
      groups.map((g) => keyText(g.key)),
      series.map((s) => ({
        name: s.label,
        type: s.type ?? 'bar',
        stack,
        data: groups.map((g) => (s.value ? s.value(g) : g[s.key])),
      })),
      { percent },
    ),
    table: dataTable({
      caption: title,
      file,
      columns: [{ value: (g) => keyText(g.key), label: keyLabel }, ...columns],
      rows: groups,
    }),
  });
}

async function monthlyReports(container) {
  const titles = [
    t('openedResolved'),
    t('resolutionRate'),
    t('daysToResolve'),
    `${t('perAgency')} · ${t('resolved')}`,
  ];
  const summary = await summaryRows(container, titles);
  if (summary === undefined) return;
  const counts = {
    registered: (r) => r.registered,
    resolved: resolvedOf,
    outcomes: (r) => r.outcomesRecorded,
  };
  const months = sumBy(summary.rows, (r) => r.month, counts);
  const rate = (g) => ratio(g.resolved, g.outcomes);
  const rateColumns = [
    { key: 'resolved', label: t('resolved'), kind: 'num' },
    { key: 'outcomes', label: t('outcomesRecorded'), kind: 'num' },
    { value: (g) => percentText(rate(g)), label: t('rate'), kind: 'num' },
  ];
  // Medians do not add up: days to resolve are shown per month and channel, as the report gives them.
  const days = summary.rows
    .filter((r) => typeof r.medianDaysToResolve === 'number')
    .map((r) => ({ key: `${r.month} · ${code(r.channel)} · ${code(r.agency)}`, ...r }));
  const channels = [...new Set(days.map((r) => r.channel))];
  const dayMonths = [...new Set(days.map((r) => r.month))].sort();
  // Each channel has one lead agency, so there is one row per month and channel.
  const medianOf = (month, channel) =>
    days.find((r) => r.month === month && r.channel === channel)?.medianDaysToResolve ?? null;
  mount(
    container,
    groupFigure({
      title: titles[0],
      file: 'opened-resolved-per-month',
      groups: months,
      keyLabel: t('month'),
      series: [
        { key: 'registered', label: t('opened') },
        { key: 'resolved', label: t('resolved') },
      ],
      columns: [
        { key: 'registered', label: t('opened'), kind: 'num' },
        { key: 'resolved', label: t('resolved'), kind: 'num' },
      ],
    }),
    groupFigure({
      title: titles[1],
      file: 'resolution-rate-per-month',
      groups: months,
      keyLabel: t('month'),
      series: [{ value: rate, label: t('rate'), type: 'line' }],
      columns: rateColumns,
      percent: true,
    }),
    figure({
      title: titles[2],
      option: axisChart(
        dayMonths,
        channels.map((channel) => ({
          name: `${code(channel)} · ${t('median')}`,
          type: 'line',
          connectNulls: true,
          data: dayMonths.map((m) => medianOf(m, channel)),
        })),
      ),
      table: dataTable({
        caption: titles[2],
        file: 'days-to-resolve',
        columns: [
          { key: 'month', label: t('month') },
          { key: 'channel', label: t('channel') },
          { key: 'agency', label: t('leadAgency') },
          { key: 'outcomesRecorded', label: t('outcomesRecorded'), kind: 'num' },
          { key: 'medianDaysToResolve', label: t('median'), kind: 'num' },
          { key: 'p90DaysToResolve', label: t('p90'), kind: 'num' },
        ],
        rows: days,
      }),
    }),
    groupFigure({
      title: titles[3],
      file: 'per-agency',
      groups: sumBy(summary.rows, (r) => r.agency, counts),
      keyLabel: t('leadAgency'),
      keyText: code,
      series: [
        { key: 'registered', label: t('opened') },
        { key: 'resolved', label: t('resolved') },
      ],
      columns: [{ key: 'registered', label: t('opened'), kind: 'num' }, ...rateColumns],
    }),
  );
}

export async function risk(container) {
  const titles = [t('riskLevels'), t('escalations'), t('plans'), t('promptnessByChannel')];
  const summary = await summaryRows(container, titles);
  if (summary === undefined) return;
  const levels = sumBy(
    summary.rows,
    (r) => r.month,
    Object.fromEntries(RISK_LEVELS.map((level) => [level, (r) => at(r, `riskLevels.${level}`)])),
  );
  const escalations = sumBy(summary.rows, (r) => r.month, {
    count: (r) => at(r, 'escalations.count'),
    late: (r) => at(r, 'escalations.late'),
  }).filter((g) => g.count > 0);
  // Art 10: the plan a major risk owes, beside the report to county leadership it also owes.
  const plans = sumBy(summary.rows, (r) => r.month, {
    count: (r) => at(r, 'preventionPlans.adopted'),
    late: (r) => at(r, 'preventionPlans.late'),
  }).filter((g) => g.count > 0);
  const onTime = (g) => ratio(g.count - g.late, g.count);
  const lateFigure = ({ title, file, groups, countLabel, stack }) =>
    groupFigure({
      title,
      file,
      groups,
      keyLabel: t('month'),
      series: [
        { value: (g) => g.count - g.late, label: t('onTime') },
        { key: 'late', label: t('late') },
      ],
      stack,
      columns: [
        { key: 'count', label: countLabel, kind: 'num' },
        { key: 'late', label: t('late'), kind: 'num' },
        { value: (g) => percentText(onTime(g)), label: t('promptness'), kind: 'num' },
      ],
    });
  // Medians do not add up: how promptly is shown per month and channel, as the report gives it.
  const prompt = summary.rows
    .filter((r) => number(at(r, 'escalations.count')) + number(at(r, 'preventionPlans.adopted')) > 0)
    .map((r) => ({ key: `${r.month} · ${code(r.channel)}`, ...r }));
  const promptMonths = [...new Set(prompt.map((r) => r.month))].sort();
  const medianIn = (path) => (month) => {
    const values = prompt
      .filter((r) => r.month === month)
      .map((r) => at(r, path))
      .filter((v) => typeof v === 'number');
    return values.length === 0 ? null : Math.max(...values);
  };
  mount(
    container,
    groupFigure({
      title: titles[0],
      file: 'risk-levels-per-month',
      groups: levels,
      keyLabel: t('month'),
      stack: 'risk',
      series: RISK_LEVELS.map((level) => ({ key: level, label: code(level) })),
      columns: RISK_LEVELS.map((level) => ({ key: level, label: code(level), kind: 'num' })),
    }),
    lateFigure({
      title: titles[1],
      file: 'escalations-per-month',
      groups: escalations,
      countLabel: t('escalationCount'),
      stack: 'escalations',
    }),
    lateFigure({
      title: titles[2],
      file: 'prevention-plans-per-month',
      groups: plans,
      countLabel: t('plansAdopted'),
      stack: 'plans',
    }),
    figure({
      title: titles[3],
      option: axisChart(promptMonths, [
        // The slowest channel's median that month: the line a reader should worry about.
        {
          name: t('escalationMedian'),
          type: 'line',
          connectNulls: true,
          data: promptMonths.map(medianIn('escalations.medianDaysFromAssessment')),
        },
        {
          name: t('planMedian'),
          type: 'line',
          connectNulls: true,
          data: promptMonths.map(medianIn('preventionPlans.medianDaysFromAssessment')),
        },
      ]),
      table: dataTable({
        caption: titles[3],
        file: 'risk-promptness',
        columns: [
          { key: 'month', label: t('month') },
          { key: 'channel', label: t('channel') },
          { value: (r) => at(r, 'escalations.count'), label: t('escalationCount'), kind: 'num' },
          { value: (r) => at(r, 'escalations.late'), label: t('late'), kind: 'num' },
          {
            value: (r) => at(r, 'escalations.medianDaysFromAssessment'),
            label: t('escalationMedian'),
            kind: 'num',
          },
          { value: (r) => at(r, 'preventionPlans.adopted'), label: t('plansAdopted'), kind: 'num' },
          { value: (r) => at(r, 'preventionPlans.late'), label: t('late'), kind: 'num' },
          {
            value: (r) => at(r, 'preventionPlans.medianDaysFromAssessment'),
            label: t('planMedian'),
            kind: 'num',
          },
        ],
        rows: prompt,
      }),
    }),
  );
}

export async function organs(container) {
  const titles = [t('headAttendance'), t('letters')];
  const summary = await summaryRows(container, titles);
  if (summary !== undefined) {
    const attendance = sumBy(summary.rows, (r) => r.month, {
      requests: (r) => at(r, 'headAttendance.requests'),
      attended: (r) => at(r, 'headAttendance.attended'),
    }).filter((g) => g.requests > 0);
    const letters = sumBy(summary.rows, (r) => r.month, {
      issued: (r) => at(r, 'letters.issued'),
      adopted: (r) => at(r, 'letters.adopted'),
      partlyAdopted: (r) => at(r, 'letters.partlyAdopted'),
      rejected: (r) => at(r, 'letters.rejected'),
      overdue: (r) => at(r, 'letters.overdue'),
    }).filter((g) => g.issued + g.adopted + g.partlyAdopted + g.rejected > 0);
    const letterFigures = ['issued', 'adopted', 'partlyAdopted', 'rejected', 'overdue'];
    mount(
      container,
      groupFigure({
        title: titles[0],
        file: 'head-attendance-per-month',
        groups: attendance,
        keyLabel: t('month'),
        series: [
          { key: 'requests', label: t('attendanceRequests') },
          { key: 'attended', label: t('attended') },
        ],
        columns: [
          { key: 'requests', label: t('attendanceRequests'), kind: 'num' },
          { key: 'attended', label: t('attended'), kind: 'num' },
          {
            value: (g) => percentText(ratio(g.attended, g.requests)),
            label: t('attendanceRate'),
            kind: 'num',
          },
        ],
      }),
      groupFigure({
        title: titles[1],
        file: 'letters-per-month',
        groups: letters,
        keyLabel: t('month'),
        series: letterFigures.map((f) => ({ key: f, label: t(f) })),
        columns: letterFigures.map((f) => ({ key: f, label: t(f), kind: 'num' })),
      }),
    );
  }
  await commendations(container);
}

/** Art 12 通报表扬 across every organ: per organ, per month, and each notice (cited cases as the reader may see them). */
async function commendations(container) {
  const titles = [t('commendationsPerOrgan'), t('commendationsPerMonth'), t('commendationList')];
  const report = await get('/reports/commendations');
  if (!report.ok) {
    mount(
      container,
      titles.map((title) => notData(title, report)),
    );
    return;
  }
  const { organs: perOrgan, months, items } = report.body;
  const organText = (o) => `${o.organName}（${o.organCode}）`;
  mount(
    container,
    figure({
      title: titles[0],
      option: axisChart(
        perOrgan.map((o) => o.organName),
        [{ name: t('commendations'), type: 'bar', data: perOrgan.map((o) => o.commendations) }],
      ),
      table: dataTable({
        caption: titles[0],
        file: 'commendations-per-organ',
        columns: [
          { value: organText, label: t('organ') },
          { key: 'commendations', label: t('commendations'), kind: 'num' },
          { key: 'lastCommendedOn', label: t('lastCommendedOn') },
        ],
        rows: perOrgan,
      }),
    }),
    groupFigure({
      title: titles[1],
      file: 'commendations-per-month',
      groups: months.map((m) => ({ key: m.month, commendations: m.commendations })),
      keyLabel: t('month'),
      series: [{ key: 'commendations', label: t('commendations') }],
      columns: [{ key: 'commendations', label: t('commendations'), kind: 'num' }],
    }),
    panel(
      titles[2],
      dataTable({
        caption: titles[2],
        file: 'commendations',
        columns: [
          { key: 'commendedOn', label: t('commendedOn') },
          {
            value: (c) => organText({ organName: c.organ.name, organCode: c.organ.code }),
            label: t('organ'),
          },
          { key: 'commendedBy', label: t('commendedBy') },
          { key: 'reason', label: t('reason') },
          { value: (c) => c.caseRefs.join('、'), label: t('caseRefs') },
          { key: 'caseRefsWithheld', label: t('caseRefsWithheld'), kind: 'num' },
        ],
        rows: items,
      }),
    ),
  );
}
