import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { TokenExpiredError } from 'jsonwebtoken';
import { type Actor, mayHoldRole, type Role } from '@accord/events';
import type { ApiConfig } from '@accord/config';
import { ApiError } from '../http/api-error';
import { API_CONFIG } from '../pipeline/tokens';
import { ACCESS_METADATA, type AccessRule } from './access.decorators';
import type { Identity } from '@accord/identity';
import type { TokenVerifier } from './token-verifier';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/** What the guard learnt about the caller, kept on the request for handlers and the idempotency layer. */
export interface Caller {
  readonly identity: Identity;
  /** The identity as it is recorded on events: the role is the one that authorised this route. */
  readonly actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}

/** Reads without a decorator default to `Read`, writes to `Act`, so no route is ever left open by omission. */
const DEFAULT_READ: AccessRule = { public: false, roles: ['auditor', 'lead', 'clerk'] };
const DEFAULT_WRITE: AccessRule = { public: false, roles: ['clerk', 'lead'] };

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(header);
  return match?.[1];
}

/** Constant-time comparison, so the ops token cannot be guessed a byte at a time. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Each route's declared rule (null: none), by controller class then handler (a handler inherited
   * by two controllers may have two): metadata is fixed once the app is built.
   */
  private readonly declared = new WeakMap<object, WeakMap<object, AccessRule | null>>();

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const rule =
      this.declaredRule(context) ??
      (request.method === 'GET' || request.method === 'HEAD' ? DEFAULT_READ : DEFAULT_WRITE);
    if (rule.public) return true;

    const token = bearerToken(request);
    if (token === undefined) throw new ApiError('UNAUTHENTICATED');
    // Operators' routes: the configured ops token, and nothing else, when there is one.
    if (rule.ops && this.config.ops.token !== undefined) {
      if (sameSecret(token, this.config.ops.token)) return true;
      throw new ApiError('UNAUTHENTICATED');
    }
    let identity: Identity;
    try {
      identity = this.tokens.identify(token);
    } catch (error) {
      throw new ApiError(error instanceof TokenExpiredError ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED');
    }
    // Issue 8 §2: a validly signed token may still grant a role its holder may not hold (an organ
    // auditing every case); checked on every request, not only when the CLI issues one.
    const notHeld = identity.roles.filter((r) => !mayHoldRole(identity.agency, r));
    if (notHeld.length > 0)
      throw new ApiError('ROLE_NOT_FOR_HOLDER', { agency: identity.agency, roles: notHeld });
    const role = rule.roles.find((r: Role) => identity.roles.includes(r));
    if (role === undefined) throw new ApiError('ROLE_FORBIDDEN', { allowedRoles: rule.roles });
    request.caller = { identity, actor: { agency: identity.agency, staffId: identity.staffId, role } };
    return true;
  }

  private declaredRule(context: ExecutionContext): AccessRule | null {
    const handler = context.getHandler();
    const controller = context.getClass();
    let rules = this.declared.get(controller);
    if (rules === undefined) this.declared.set(controller, (rules = new WeakMap()));
    let rule = rules.get(handler);
    if (rule === undefined) {
      rule =
        this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [handler, controller]) ??
        null;
      rules.set(handler, rule);
    }
    return rule;
  }
}
