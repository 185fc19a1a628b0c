import type { ActorAgency } from '@accord/events';
import type { RegisteredCase } from '@accord/domain';
import type { CaseView } from '../../../access/access-log';
import { reducedCaseView } from './case-view.dto';

/**
 * The serialised case per state object and view. A state object is one revision of one stream and
 * is never mutated (`evolve` returns new states), so its JSON never goes stale; keyed weakly, an
 * entry goes when the reader's cache lets go of its state.
 */
const serialised = new WeakMap<RegisteredCase, Map<string, string>>();

export function caseJson(state: RegisteredCase, view: CaseView, agency: ActorAgency): string {
  // The reduced view depends on who asks (an invitee sees its own invitations only).
  const key = view === 'reduced' ? `reduced:${agency}` : 'full';
  let views = serialised.get(state);
  if (views === undefined) {
    views = new Map();
    serialised.set(state, views);
  }
  let json = views.get(key);
  if (json === undefined) {
    json = JSON.stringify(view === 'reduced' ? reducedCaseView(state, agency) : state);
    views.set(key, json);
  }
  return json;
}
