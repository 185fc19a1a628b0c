import { audit } from './audit.js';
import { claims, get, session } from './api.js';
import { code, language, relabel, setLanguage, t } from './i18n.js';
import { briefing, deadlines, register } from './lists.js';
import { organs, overview, risk } from './reports.js';
import { disposeCharts, el, mount } from './ui.js';

// Reports, the briefing and the register are for the three agencies and auditors (Art 11, 14).
const agencyOrAuditor = (who) => who.roles.includes('auditor') || !who.agency.startsWith('ORGAN:');

/** The views, in tab order; `offered` hides a tab the reader's token cannot use (the API still decides). */
const VIEWS = [
  { id: 'overview', render: overview },
  { id: 'deadlines', render: deadlines },
  { id: 'risk', render: risk, offered: agencyOrAuditor },
  { id: 'organs', render: organs, offered: agencyOrAuditor },
  { id: 'register', render: register, offered: agencyOrAuditor },
  { id: 'briefing', render: briefing, offered: agencyOrAuditor },
  { id: 'audit', render: audit, offered: (who) => who.roles.includes('auditor') },
];

const $ = (id) => document.getElementById(id);
let rendering = 0;

function offeredViews(who) {
  return VIEWS.filter((v) => !v.offered || v.offered(who));
}

function currentView(who) {
  const id = location.hash.replace(/^#\/?/, '');
  const views = offeredViews(who);
  return views.find((v) => v.id === id) ?? views[0];
}

function renderTabs(who, active) {
  const nav = $('tabs');
  nav.setAttribute('aria-label', t('nav'));
  nav.replaceChildren(
    ...offeredViews(who).map((view) =>
      el(
        'a',
        { href: `#/${view.id}`, id: `tab-${view.id}`, 'aria-current': view === active ? 'page' : undefined },
        t(view.id),
      ),
    ),
  );
}

async function show() {
  const token = session.token();
  const who = token ? claims(token) : undefined;
  $('sign-in').hidden = Boolean(who);
  $('sign-out').hidden = !who;
  $('tabs').hidden = !who;
  $('view').hidden = !who;
  relabel();
  $('lang-toggle').textContent = language() === 'zh' ? 'English' : '中文';
  $('lang-toggle').lang = language() === 'zh' ? 'en' : 'zh-CN';
  if (!who) {
    $('who').textContent = '';
    return;
  }
  $('who').textContent = `${code(who.agency)} · ${who.staffId} · ${who.roles.join(', ')}`;
  const view = currentView(who);
  renderTabs(who, view);
  disposeCharts();
  const container = $('view');
  const turn = (rendering += 1);
  const body = el('div', { 'aria-busy': 'true' });
  container.replaceChildren(el('h2', { id: 'view-title' }, t(view.id)), body);
  container.setAttribute('aria-labelledby', 'view-title');
  container.dataset.view = view.id;
  container.dataset.ready = 'false';
  try {
    await view.render(body, { claims: who });
  } catch (error) {
    if (turn === rendering) mount(body, el('p', { class: 'error', role: 'alert' }, String(error)));
  } finally {
    if (turn === rendering) {
      body.removeAttribute('aria-busy');
      // Tests and assistive tech wait for this: the view has every answer it asked for.
      container.dataset.ready = 'true';
    }
  }
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = $('token').value.trim();
  const error = $('sign-in-error');
  error.textContent = '';
  if (!claims(token)) {
    error.textContent = t('badToken');
    return;
  }
  session.signIn(token);
  // A bad signature or an expired token: the 401 sends the page back here (accord:unauthorized).
  const probe = await get('/cases?limit=1');
  if (probe.status === 401) return;
  $('token').value = '';
  await show();
  $('main').focus({ preventScroll: true });
});

$('sign-out').addEventListener('click', () => {
  session.signOut();
  location.hash = '';
  void show();
});

$('lang-toggle').addEventListener('click', () => {
  setLanguage(language() === 'zh' ? 'en' : 'zh');
  void show();
});

window.addEventListener('accord:unauthorized', () => {
  if (!session.token()) return;
  session.signOut();
  void show().then(() => {
    $('sign-in-error').textContent = t('badToken');
  });
});

window.addEventListener('hashchange', () => void show());
setLanguage(language());
void show();
