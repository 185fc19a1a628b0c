import { loadCalendar } from '@accord/calendar-data';
import { generateDemo } from '@accord/demo';
import type { ApiHarness } from './api-harness';
import { litigationCase } from './api-fixtures';

/** The case numbers the dashboard tests look for (or must never find) on the page. */
export const SEEDED = {
  reconsideration: '鲁山复议〔2019〕17号',
  litigation: '（2024）鲁0423行初12号',
  supervision: '鲁检行监受〔2024〕7号',
} as const;

export interface SeededCases {
  readonly reconsideration: string;
  readonly litigation: string;
  readonly supervision: string;
  /** GOV_OFFICE's commendation of the respondent organ, citing the reconsideration and supervision cases. */
  readonly commendation: string;
  /** The court's judicial suggestion to the respondent organ on the litigation case, served (Art 8). */
  readonly letter: string;
}

/**
 * Three cases through the real API, one per channel. Who takes part (Art 17): the reconsideration
 * case is GOV_OFFICE's with the procuratorate, which accepted; the litigation case is the court's,
 * which invited GOV_OFFICE (no reply yet); the supervision case is the procuratorate's alone. So the
 * court takes no part in the reconsideration or supervision cases, and an organ in none. The
 * reconsideration case is a major risk with a prevention plan (the briefing lists it), and the
 * government office commends the organ citing the reconsideration and supervision cases; the court
 * sends the organ a judicial suggestion on the litigation case.
 */
export async function seedCases(h: ApiHarness): Promise<SeededCases> {
  const post = async (path: string, who: Record<string, string>, body: object, status: number) => {
    const res = await h.http.post(path).set(who).send(body);
    if (res.status !== status) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const { govClerk, courtClerk, procClerk } = h.staff;
  const reconsideration = (
    await post(
      '/cases',
      govClerk,
      litigationCase({ channel: 'RECONSIDERATION', externalCaseNumber: SEEDED.reconsideration }),
      201,
    )
  ).id;
  const invitation = await post(
    `/cases/${reconsideration}/invitations`,
    govClerk,
    { to: 'PROCURATORATE', grounds: 'may become a lawsuit', noticeServedOn: '2024-03-04' },
    201,
  );
  await post(
    `/cases/${reconsideration}/invitations/${invitation.id}/reply`,
    procClerk,
    { answer: 'ACCEPT', repliedOn: '2024-03-05' },
    200,
  );
  const litigation = (await post('/cases', courtClerk, litigationCase(), 201)).id;
  await post(
    `/cases/${litigation}/eligibility`,
    courtClerk,
    {
      outcome: 'ELIGIBLE',
      grounds: [{ category: 1, reasons: 'compensation dispute' }],
      assessedOn: '2024-03-02',
    },
    201,
  );
  await post(
    `/cases/${litigation}/invitations`,
    courtClerk,
    { to: 'GOV_OFFICE', grounds: 'appeal and petition risk', noticeServedOn: '2024-03-04' },
    201,
  );
  const supervision = (
    await post(
      '/cases',
      procClerk,
      litigationCase({ channel: 'PROCURATORIAL_SUPERVISION', externalCaseNumber: SEEDED.supervision }),
      201,
    )
  ).id;
  await post(
    `/cases/${reconsideration}/risk-assessments`,
    govClerk,
    {
      level: 'MAJOR',
      peopleInvolved: 12,
      massIncidentRisk: true,
      factors: ['many people'],
      assessedOn: '2024-03-06',
    },
    201,
  );
  await post(
    `/cases/${reconsideration}/prevention-plans`,
    govClerk,
    { adoptedOn: '2024-03-08', summary: 'Prevention and handling plan', measures: ['liaison on call'] },
    201,
  );
  const commendation = (
    await post(
      '/commendations',
      h.staff.govLead,
      {
        organ: { code: 'county-land-bureau', name: '县自然资源局' },
        reason: 'Its head attended every session',
        caseRefs: [reconsideration, supervision],
        commendedOn: '2024-06-28',
      },
      201,
    )
  ).id;
  const letter = (
    await post(
      '/letters',
      courtClerk,
      {
        organ: { code: 'county-land-bureau', name: '县自然资源局' },
        grounds: ['FLAWED_ACT'],
        facts: 'The notice of requisition was served late',
        caseId: litigation,
        issuedOn: '2024-03-10',
      },
      201,
    )
  ).id;
  await post(`/letters/${letter}/service`, courtClerk, { servedOn: '2024-03-11' }, 200);
  return { reconsideration, litigation, supervision, commendation, letter };
}

/**
 * A few years of realistic activity from the demo generator, written through the deciders into the
 * running API's own store, so the dashboard has months, outcomes and deadlines to show.
 */
export async function seedDemo(h: ApiHarness, events: number): Promise<void> {
  await generateDemo(h.built.store, { events, calendar: loadCalendar({ dataDir: h.dataDir }).calendar });
}

/**
 * Waits until every read model the dashboard reads has caught up with the ledger as it is now, so
 * a page shows the seeded data (the dashboard itself reads what has been projected, as any client).
 */
export async function readModelsCaughtUp(h: ApiHarness): Promise<void> {
  const head = await h.built.store.headPosition();
  for (const path of ['/cases', '/deadlines', '/register/alerts', '/audit/trail', '/reports/commendations']) {
    for (let attempt = 0; ; attempt += 1) {
      const res = await h.http
        .get(path)
        .query({ minPosition: head, ...(path.startsWith('/reports') ? {} : { limit: 1 }) })
        .set(h.staff.auditor);
      if (res.status === 200) break;
      // 503 READ_MODEL_BEHIND after its bounded wait: a large seed can take longer than one wait.
      if (res.status !== 503 || attempt >= 10)
        throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
}
