import {
  calendarError,
  caseError,
  commendationError,
  letterError,
  liaisonError,
  mediatorError,
  meetingError,
  registerError,
  type RuleErrorSpec,
} from '@accord/domain';
import { API_ERRORS } from '../http/api-error';
import { STATUS_OF_KIND } from '../http/problem';
import { organGateError } from '../slices/letters/organ-gate';

type Catalogue = Readonly<Record<string, RuleErrorSpec>>;

/**
 * The error catalogues behind each family of routes: the deciders' own, plus the few the API edge
 * declares. A route outside these prefixes documents the generic problem (any code).
 */
const CATALOGUES_OF_ROUTES: readonly (readonly [prefix: string, catalogues: readonly Catalogue[]])[] = [
  // Assigning a mediator reads the member's own stream first (Art 13).
  ['/cases', [caseError.catalogue, calendarError.catalogue, mediatorError.catalogue]],
  ['/letters', [letterError.catalogue, calendarError.catalogue]],
  ['/register', [registerError.catalogue, calendarError.catalogue]],
  ['/mediators', [mediatorError.catalogue]],
  ['/meetings', [meetingError.catalogue]],
  ['/agencies', [liaisonError.catalogue]],
  ['/commendations', [commendationError.catalogue]],
  // The Merkle proofs and checkpoints refuse with the API's own codes only.
  ['/ledger', []],
];

/** Refusals a guard makes on every route: an organ's token may only answer letters. */
const EVERY_ROUTE: readonly Catalogue[] = [organGateError.catalogue];

/** Statuses whose codes are listed per route: the ones a client branches on. */
export const LISTED_STATUSES = [403, 404, 409, 422] as const;

/**
 * The codes a route can answer with this status: the API's own codes of that status, and the rule
 * codes whose kind maps to it in the catalogues behind the route. Undefined when the route is not
 * covered (then any code may come).
 */
export function codesFor(path: string, status: number): string[] | undefined {
  const entry = CATALOGUES_OF_ROUTES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  if (entry === undefined) return undefined;
  const codes = new Set<string>();
  for (const [code, spec] of Object.entries(API_ERRORS)) if (spec.status === status) codes.add(code);
  for (const catalogue of [...EVERY_ROUTE, ...entry[1]])
    for (const [code, spec] of Object.entries(catalogue))
      if (STATUS_OF_KIND[spec.kind] === status) codes.add(code);
  return [...codes].sort();
}
