/**
 * A refusal by the Measures (or by the ledger's own integrity rules). Business code never knows
 * HTTP: the API maps `kind` to a status once, at its edge.
 */
export type RuleErrorKind =
  /** The act breaks a rule of the Measures (HTTP 422). */
  | 'rule'
  /** The act is not allowed to this actor (HTTP 403). */
  | 'forbidden'
  /** The thing acted upon does not exist (HTTP 404). */
  | 'not_found'
  /** The act conflicts with the current state, e.g. a duplicate (HTTP 409). */
  | 'conflict';

export interface RuleErrorSpec {
  /** Article(s) of the Measures enforced, e.g. `Art 4` or `Art 4, Art 7`; absent for ledger rules. */
  readonly article?: string;
  readonly kind: RuleErrorKind;
  readonly en: string;
  readonly zh: string;
}

export class RuleError extends Error {
  constructor(
    /** Stable code, e.g. `INVITATION_NOTICE_LATE`. */
    readonly code: string,
    readonly spec: RuleErrorSpec,
    /** Facts that explain the refusal (dates, ids); safe to show to the actor. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${code}: ${spec.en}`);
    this.name = 'RuleError';
  }

  get article(): string | undefined {
    return this.spec.article;
  }

  get kind(): RuleErrorKind {
    return this.spec.kind;
  }

  /** For tests: `thenThrows(RuleError.code('X'))`. */
  static code(code: string): { readonly code: string } {
    return { code };
  }
}

/**
 * Declares an aggregate's error catalogue once; returns a factory so that a refusal names its code
 * and nothing else: `throw caseError('INVITATION_NOTICE_LATE', { dueBy })`.
 */
export function defineErrors<Codes extends string>(
  catalogue: Readonly<Record<Codes, RuleErrorSpec>>,
): ((code: Codes, details?: Readonly<Record<string, unknown>>) => RuleError) & {
  readonly catalogue: Readonly<Record<Codes, RuleErrorSpec>>;
} {
  const factory = (code: Codes, details?: Readonly<Record<string, unknown>>) =>
    new RuleError(code, catalogue[code], details);
  for (const code of Object.keys(catalogue)) registerErrorCode(code, catalogue[code as Codes]);
  return Object.assign(factory, { catalogue });
}

const registry = new Map<string, RuleErrorSpec>();

function registerErrorCode(code: string, spec: RuleErrorSpec): void {
  const existing = registry.get(code);
  if (existing && existing !== spec) throw new Error(`rule error code ${code} is declared twice`);
  registry.set(code, spec);
}

/** Every declared code, for docs and for the API's OpenAPI error list. */
export function allErrorCodes(): ReadonlyMap<string, RuleErrorSpec> {
  return registry;
}
