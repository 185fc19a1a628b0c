import { get, getAll, pick, rowsOf } from './api.js';
import { t } from './i18n.js';
import { cellText, dataTable, el, mount, notData, panel, positionNote, uid } from './ui.js';

const actorText = (row) => {
  const actor = row.actor;
  return actor && typeof actor === 'object'
    ? `${actor.agency ?? ''} / ${actor.staffId ?? ''} (${actor.role ?? ''})`
    : actor;
};

const EVENT_COLUMNS = () => [
  { value: (r) => pick(r, 'position'), label: 'position', kind: 'num' },
  { value: (r) => pick(r, 'streamId'), label: 'stream' },
  { key: 'revision', label: t('revision'), kind: 'num' },
  { key: 'type', label: t('type') },
  { key: 'occurredAt', label: t('occurredAt') },
  { key: 'recordedAt', label: t('recordedAt') },
  { value: actorText, label: t('actor') },
  { key: 'hash', label: t('hash'), kind: 'hash' },
  { key: 'prevHash', label: t('prevHash'), kind: 'hash' },
];

function field(name, label, attributes = {}) {
  const id = uid(name);
  return [el('label', { for: id }, label), el('input', { id, name, autocomplete: 'off', ...attributes })];
}

/** The audit trail, a case's history with hashes, and the ledger's integrity state: auditors only. */
export async function audit(container, { claims }) {
  if (!claims.roles.includes('auditor')) {
    mount(container, panel(t('audit'), el('p', {}, t('auditorsOnly'))));
    return;
  }
  await caseHistory(container);
  trail(container);
  await integrity(container);
}

async function caseHistory(container) {
  const cases = await getAll('/cases');
  if (!cases.ok) {
    mount(container, notData(t('history'), cases));
    return;
  }
  const id = uid('case');
  const select = el(
    'select',
    { id, name: 'caseId' },
    cases.body.items.map((c) => el('option', { value: c.caseId }, `${c.externalCaseNumber} · ${c.caseId}`)),
  );
  const result = el('div', { 'aria-live': 'polite' });
  const form = el(
    'form',
    {
      class: 'toolbar',
      onsubmit: async (event) => {
        event.preventDefault();
        result.replaceChildren();
        const answer = await get(`/cases/${encodeURIComponent(select.value)}/history`);
        const title = `${t('history')} · ${select.selectedOptions[0]?.textContent ?? ''}`;
        mount(
          result,
          answer.ok
            ? dataTable({
                caption: title,
                file: `history-${select.value}`,
                columns: EVENT_COLUMNS(),
                rows: answer.body.events,
              })
            : notData(title, answer),
        );
      },
    },
    el('label', { for: id }, t('chooseCase')),
    select,
    el('button', { type: 'submit' }, t('open')),
  );
  mount(container, panel(t('history'), form, result));
}

function trail(container) {
  const inputs = [
    field('caseId', t('byCase')),
    field('staffId', t('byStaff')),
    field('agency', t('byAgency')),
    field('from', t('from'), { placeholder: '2026-01-01T00:00:00Z' }),
    field('to', t('to'), { placeholder: '2026-12-31T23:59:59Z' }),
  ];
  const result = el('div', { 'aria-live': 'polite' });
  // The trail can be long: a page at a time, in log order, and a button for the next.
  const page = async (query, rows) => {
    const answer = await get(`/audit/trail?${query}`);
    result.replaceChildren();
    if (!answer.ok) {
      mount(result, notData(t('trail'), answer));
      return;
    }
    const all = [...rows, ...rowsOf(answer.body)];
    const next = answer.body.nextCursor;
    const more = () => {
      const following = new URLSearchParams(query);
      following.set('after', next);
      void page(following, all);
    };
    mount(
      result,
      positionNote(answer.body),
      dataTable({ caption: t('trail'), file: 'audit-trail', columns: EVENT_COLUMNS(), rows: all }),
      next ? el('button', { type: 'button', onclick: more }, t('more')) : null,
    );
  };
  const form = el(
    'form',
    {
      class: 'toolbar',
      onsubmit: (event) => {
        event.preventDefault();
        const query = new URLSearchParams({ limit: '100' });
        for (const [, input] of inputs)
          if (input.value.trim() !== '') query.set(input.name, input.value.trim());
        void page(query, []);
      },
    },
    inputs.flat(),
    el('button', { type: 'submit' }, t('search')),
  );
  mount(container, panel(t('trail'), form, result));
}

const KEY_VALUE = () => [
  { key: 'field', label: t('field') },
  { key: 'value', label: t('value'), kind: 'hash' },
];

const breakText = (b) =>
  b === null || b === undefined
    ? ''
    : [
        b.position === null ? null : `position ${b.position}`,
        b.streamId === null ? null : `${b.streamId}${b.revision === null ? '' : ` @${b.revision}`}`,
        b.reason,
      ]
        .filter(Boolean)
        .join(' · ');

/** The last `accord verify` run as the CLI recorded it: when, the verdict, and where it first broke. */
function verifyRun(answer) {
  if (!answer.ok) return notData(t('lastVerify'), answer);
  const run = answer.body.lastRun;
  if (run === null) return panel(t('lastVerify'), el('p', {}, t('neverVerified')));
  const cp = run.checkpoint;
  const rows = [
    { field: t('verifiedAt'), value: run.verifiedAt },
    { field: t('result'), value: run.ok ? t('intact') : t('broken') },
    { field: t('firstBad'), value: breakText(run.firstBad ?? cp?.firstBad) },
    { field: t('ledger'), value: run.ledger },
    { field: t('streams'), value: run.streams },
    { field: t('events'), value: run.events },
    { field: t('headPosition'), value: run.headPosition },
    { field: t('chainsOk'), value: run.chainsOk },
    { field: t('storageProblems'), value: run.storageProblems.join('；') },
    { field: t('missingTriggers'), value: run.missingTriggers.join('、') },
    {
      field: t('checkpointChecked'),
      value:
        cp === null
          ? ''
          : `${cp.origin ?? ''} ${cp.treeSize ?? ''} ${cp.ok ? '✓' : '✗'} ${cp.signedBy.join('、')}`.trim(),
    },
  ];
  return panel(
    t('lastVerify'),
    el(
      'p',
      { class: 'verdict', 'data-verdict': run.ok ? 'intact' : 'broken' },
      el('span', { class: run.ok ? 'badge ok' : 'badge warn' }, run.ok ? t('intact') : t('broken')),
      ' ',
      cellText(run.verifiedAt),
    ),
    dataTable({ caption: t('lastVerify'), file: 'last-verify', columns: KEY_VALUE(), rows }),
  );
}

function checkpointPanel(answer) {
  if (!answer.ok && answer.body?.code === 'CHECKPOINT_NOT_FOUND')
    return panel(t('checkpointTitle'), el('p', {}, t('noCheckpoint')));
  if (!answer.ok) return notData(t('checkpointTitle'), answer);
  const rows = Object.entries(answer.body ?? {}).map(([field, value]) => ({ field, value }));
  return panel(
    t('checkpointTitle'),
    dataTable({ caption: t('checkpointTitle'), file: 'checkpoint', columns: KEY_VALUE(), rows }),
  );
}

/** The ledger's integrity state: the last verify run and the latest co-signed checkpoint. */
async function integrity(container) {
  const [run, checkpoint] = await Promise.all([get('/ledger/verify-runs/last'), get('/ledger/checkpoint')]);
  mount(
    container,
    el(
      'section',
      { class: 'panel', 'aria-labelledby': 'integrity-title' },
      el('h3', { id: 'integrity-title' }, t('integrity')),
      verifyRun(run),
      checkpointPanel(checkpoint),
    ),
  );
}
