import {
  ACT_CODES,
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
import type { DecidedAct } from '../slices/decides';
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

/** Every code a decider or the edge can send, with its status. */
const STATUS_OF_CODE: ReadonlyMap<string, number> = new Map([
  ...Object.entries(API_ERRORS).map(([code, spec]) => [code, spec.status] as const),
  ...[
    organGateError,
    caseError,
    calendarError,
    letterError,
    registerError,
    mediatorError,
    meetingError,
    liaisonError,
    commendationError,
  ].flatMap((errors) =>
    Object.entries(errors.catalogue).map(([code, spec]) => [code, STATUS_OF_KIND[spec.kind]] as const),
  ),
]);

/** The edge's codes a write can meet whatever its act (roles, idempotency, concurrency). */
const WRITE_EDGE_CODES = [
  'ROLE_FORBIDDEN',
  'ROLE_NOT_FOR_HOLDER',
  'VERSION_CONFLICT',
  'EVENT_ID_CONFLICT',
  'IDEMPOTENCY_KEY_IN_FLIGHT',
  'IDEMPOTENCY_KEY_REUSED',
] as const satisfies readonly (keyof typeof API_ERRORS)[];

/** The status of a known code; throws on an unknown one, so a typo in `also` cannot reach the spec. */
export function statusOfCode(code: string): number {
  const status = STATUS_OF_CODE.get(code);
  if (status === undefined) throw new Error(`unknown error code ${code}`);
  return status;
}

/**
 * The codes a write route can answer with this status: its act's (derived from the decider, see
 * `ACT_CODES`), its handler's own (`also`), the edge's, and the organ gate's unless organs may act.
 */
export function codesForAct(decided: DecidedAct, status: number, organsMayAct: boolean): string[] {
  const acts: Readonly<Record<string, readonly string[]>> = ACT_CODES[decided.aggregate];
  const actCodes = acts[decided.act];
  if (actCodes === undefined) throw new Error(`no act ${decided.aggregate}/${decided.act} in ACT_CODES`);
  const all = [
    ...actCodes,
    ...(decided.also ?? []),
    ...WRITE_EDGE_CODES,
    ...(organsMayAct ? [] : Object.keys(organGateError.catalogue)),
  ];
  return [...new Set(all.filter((code) => statusOfCode(code) === status))].sort();
}
