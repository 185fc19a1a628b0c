import { type CaseOutcome } from '@accord/events';
import { daysBetween, type PreventionPlan } from '@accord/domain';
import { CASES, type CaseRow, LETTERS, type LetterRow } from '../projections/case-status.projection';
import type { ReadStore } from '../read-store';

/** 化解率: outcomes that resolved the dispute itself, over every outcome recorded. */
export const RESOLVED_OUTCOMES: readonly CaseOutcome[] = [
  'SETTLED',
  'MEDIATED',
  'WITHDRAWN',
  'ADMINISTRATIVE_ACT_CORRECTED',
];

export interface ReportFilter {
  /** `YYYY-MM`, inclusive. */
  readonly fromMonth?: string;
  readonly toMonth?: string;
  readonly agency?: string;
  readonly channel?: string;
}

interface Tally {
  registered: number;
  outcomes: Record<string, number>;
  daysToResolve: number[];
  invitationsSent: number;
  invitationsAccepted: number;
  invitationsDeclined: number;
  invitationsLate: number;
  invitationsOverdue: number;
  lettersIssued: number;
  lettersAdopted: number;
  lettersPartlyAdopted: number;
  lettersRejected: number;
  lettersOverdue: number;
  riskLevels: Record<string, number>;
  escalations: number;
  escalationsLate: number;
  escalationDays: number[];
  plans: number;
  plansLate: number;
  planDays: number[];
  attendanceRequests: number;
  headsAttended: number;
  reliefCoordinated: number;
}

const emptyTally = (): Tally => ({
  registered: 0,
  outcomes: {},
  daysToResolve: [],
  invitationsSent: 0,
  invitationsAccepted: 0,
  invitationsDeclined: 0,
  invitationsLate: 0,
  invitationsOverdue: 0,
  lettersIssued: 0,
  lettersAdopted: 0,
  lettersPartlyAdopted: 0,
  lettersRejected: 0,
  lettersOverdue: 0,
  riskLevels: {},
  escalations: 0,
  escalationsLate: 0,
  escalationDays: [],
  plans: 0,
  plansLate: 0,
  planDays: [],
  attendanceRequests: 0,
  headsAttended: 0,
  reliefCoordinated: 0,
});

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function figures(t: Tally) {
  const outcomes = Object.values(t.outcomes).reduce((a, b) => a + b, 0);
  const resolved = RESOLVED_OUTCOMES.reduce((n, o) => n + (t.outcomes[o] ?? 0), 0);
  return {
    registered: t.registered,
    resolvedByOutcome: t.outcomes,
    outcomesRecorded: outcomes,
    resolutionRate: outcomes === 0 ? null : resolved / outcomes,
    medianDaysToResolve: percentile(t.daysToResolve, 50),
    p90DaysToResolve: percentile(t.daysToResolve, 90),
    invitations: {
      sent: t.invitationsSent,
      accepted: t.invitationsAccepted,
      declined: t.invitationsDeclined,
      late: t.invitationsLate,
      overdue: t.invitationsOverdue,
    },
    letters: {
      issued: t.lettersIssued,
      adopted: t.lettersAdopted,
      partlyAdopted: t.lettersPartlyAdopted,
      rejected: t.lettersRejected,
      overdue: t.lettersOverdue,
    },
    riskLevels: t.riskLevels,
    escalations: {
      count: t.escalations,
      late: t.escalationsLate,
      medianDaysFromAssessment: percentile(t.escalationDays, 50),
    },
    preventionPlans: {
      adopted: t.plans,
      late: t.plansLate,
      medianDaysFromAssessment: percentile(t.planDays, 50),
    },
    headAttendance: {
      requests: t.attendanceRequests,
      attended: t.headsAttended,
      rate: t.attendanceRequests === 0 ? null : t.headsAttended / t.attendanceRequests,
    },
    reliefCoordinated: t.reliefCoordinated,
  };
}

export type ReportFigures = ReturnType<typeof figures>;

export interface ReportRow extends ReportFigures {
  readonly month: string;
  readonly agency: string;
  readonly channel: string;
}

/** Raw tallies per month × lead agency × channel; each act counts in the month it happened. */
async function tallies(store: ReadStore, filter: ReportFilter): Promise<Map<string, Tally>> {
  const groups = new Map<string, Tally>();
  const at = (date: string | null | undefined, agency: string, channel: string): Tally | undefined => {
    if (date === null || date === undefined) return undefined;
    const month = date.slice(0, 7);
    if (filter.fromMonth !== undefined && month < filter.fromMonth) return undefined;
    if (filter.toMonth !== undefined && month > filter.toMonth) return undefined;
    if (filter.agency !== undefined && agency !== filter.agency) return undefined;
    if (filter.channel !== undefined && channel !== filter.channel) return undefined;
    const key = `${month}|${agency}|${channel}`;
    let tally = groups.get(key);
    if (tally === undefined) groups.set(key, (tally = emptyTally()));
    return tally;
  };
  const channels = new Map<string, string>();
  for await (const row of store.scan<CaseRow>(CASES)) {
    const s = row.state;
    const g = (date: string | null | undefined) => at(date, s.leadAgency, s.channel);
    channels.set(s.caseId, s.channel);
    const reg = g(s.acceptedOn);
    if (reg !== undefined) {
      reg.registered += 1;
      if (row.riskLevel !== null) reg.riskLevels[row.riskLevel] = (reg.riskLevels[row.riskLevel] ?? 0) + 1;
    }
    if (s.outcome !== null) {
      const t = g(s.outcome.decidedOn);
      if (t !== undefined) {
        t.outcomes[s.outcome.outcome] = (t.outcomes[s.outcome.outcome] ?? 0) + 1;
        t.daysToResolve.push(Math.max(0, daysBetween(s.acceptedOn, s.outcome.decidedOn)));
      }
    }
    const overdueRefs = new Set(Object.values(row.overdueDeadlines).map((m) => m.refId));
    for (const i of s.invitations) {
      const sent = g(i.noticeServedOn);
      if (sent !== undefined) {
        sent.invitationsSent += 1;
        if (overdueRefs.has(i.invitationId)) sent.invitationsOverdue += 1;
      }
      const replied = g(i.repliedOn);
      if (replied !== undefined) {
        if (i.status === 'accepted') replied.invitationsAccepted += 1;
        if (i.status === 'declined') replied.invitationsDeclined += 1;
        if (i.late === true) replied.invitationsLate += 1;
      }
    }
    for (const e of s.risk.escalations) {
      const t = g(e.escalatedOn);
      if (t === undefined) continue;
      t.escalations += 1;
      if (e.late) t.escalationsLate += 1;
      const assessed = s.risk.assessments.find((a) => a.assessmentId === e.assessmentId);
      if (assessed !== undefined)
        t.escalationDays.push(Math.max(0, daysBetween(assessed.assessedOn, e.escalatedOn)));
    }
    // Art 10: a prevention and handling plan, counted in the month adopted; promptness from the assessment it answers.
    for (const p of s.risk.plans as readonly (PreventionPlan & { late?: boolean })[]) {
      const t = g(p.adoptedOn);
      if (t === undefined) continue;
      t.plans += 1;
      if (p.late === true) t.plansLate += 1;
      const assessed = s.risk.assessments.find((a) => a.assessmentId === p.assessmentId);
      if (assessed !== undefined) t.planDays.push(Math.max(0, daysBetween(assessed.assessedOn, p.adoptedOn)));
    }
    for (const r of s.participationRequests) {
      if (r.attendance === null) continue;
      const t = g(r.sessionOn);
      if (t === undefined) continue;
      t.attendanceRequests += 1;
      if (r.attendance.kind === 'ATTENDED') t.headsAttended += 1;
    }
    for (const relief of s.reliefs) {
      const t = g(relief.coordinatedOn);
      if (t !== undefined) t.reliefCoordinated += 1;
    }
  }
  for await (const letter of store.scan<LetterRow>(LETTERS)) {
    const l = letter.state;
    const channel = (l.caseId === null ? undefined : channels.get(l.caseId)) ?? 'NONE';
    const issued = at(l.issuedOn, l.issuer, channel);
    if (issued !== undefined) {
      issued.lettersIssued += 1;
      if (letter.overdue === 1) issued.lettersOverdue += 1;
    }
    const answered = at(l.response?.respondedOn, l.issuer, channel);
    if (answered !== undefined && l.response !== null) {
      if (l.response.outcome === 'ADOPTED') answered.lettersAdopted += 1;
      if (l.response.outcome === 'PARTLY_ADOPTED') answered.lettersPartlyAdopted += 1;
      if (l.response.outcome === 'REJECTED') answered.lettersRejected += 1;
    }
  }
  return groups;
}

export async function reportSummary(store: ReadStore, filter: ReportFilter): Promise<ReportRow[]> {
  return [...(await tallies(store, filter)).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, tally]) => {
      const [month, agency, channel] = key.split('|') as [string, string, string];
      return { month, agency, channel, ...figures(tally) };
    });
}

/** Every figure of the filter's groups together (medians over the pooled values). */
export async function reportTotals(store: ReadStore, filter: ReportFilter): Promise<ReportFigures> {
  const total = emptyTally();
  for (const t of (await tallies(store, filter)).values()) {
    for (const [k, v] of Object.entries(t) as [keyof Tally, unknown][]) {
      if (typeof v === 'number') (total[k] as number) += v;
      else if (Array.isArray(v)) (total[k] as number[]).push(...v);
      else
        for (const [name, n] of Object.entries(v as Record<string, number>))
          (total[k] as Record<string, number>)[name] = ((total[k] as Record<string, number>)[name] ?? 0) + n;
    }
  }
  return figures(total);
}

/** The summary as CSV, one line per group, nested figures flattened with dots. */
export function reportCsv(rows: readonly ReportRow[]): string {
  const flat = rows.map((r) => flatten(r as unknown as Record<string, unknown>));
  const columns = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...flat.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

/** Art 14 情况通报: the period's figures and the cases needing attention, without any party's data. */
export async function briefing(store: ReadStore, period: { from: string; to: string; label: string }) {
  const figures = await reportTotals(store, {
    fromMonth: period.from.slice(0, 7),
    toMonth: period.to.slice(0, 7),
  });
  const attention = (
    await store.find<CaseRow>(CASES, {
      all: [{ field: 'status', op: '=', value: 'open' }],
      any: [
        [
          { field: 'riskLevel', op: '=', value: 'MAJOR' },
          { field: 'overdue', op: '>', value: 0 },
        ],
      ],
      orderBy: [{ field: 'registeredAt', direction: 'asc' }],
    })
  ).map((row) => ({
    caseId: row.caseId,
    externalCaseNumber: row.state.externalCaseNumber,
    channel: row.channel,
    leadAgency: row.leadAgency,
    stage: row.stage,
    riskLevel: row.riskLevel,
    majorRisk: row.state.risk.majorRisk,
    overdue: Object.values(row.overdueDeadlines).map((m) => m.kind),
  }));
  return {
    period: period.label,
    from: period.from,
    to: period.to,
    figures,
    majorRiskCases: attention.filter((c) => c.majorRisk || c.riskLevel === 'MAJOR'),
    overdueCases: attention.filter((c) => c.overdue.length > 0),
  };
}

/** `2026-11`, `2026-Q4` or `2026` as a date range. */
export function parsePeriod(period: string): { from: string; to: string; label: string } | undefined {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) return { from: `${period}-01`, to: `${period}-31`, label: period };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    const m = (n: number) => String(n).padStart(2, '0');
    return { from: `${quarter[1]}-${m(first)}-01`, to: `${quarter[1]}-${m(first + 2)}-31`, label: period };
  }
  if (/^\d{4}$/.test(period)) return { from: `${period}-01-01`, to: `${period}-12-31`, label: period };
  return undefined;
}
