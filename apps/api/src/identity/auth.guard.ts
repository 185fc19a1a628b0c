import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createSecretKey } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { TokenExpiredError } from 'jsonwebtoken';
import type { Actor, Role } from '@accord/events';
import { ApiError } from '../http/api-error';
import { ACCESS_METADATA, type AccessRule } from './access.decorators';
import { type Identity, type TokenSettings, verifyToken } from '@accord/identity';

export const TOKEN_SETTINGS = Symbol('TOKEN_SETTINGS');

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

const VERIFIED_CACHE_LIMIT = 10_000;

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly settings: TokenSettings;
  /**
   * Tokens already verified, with their expiry: a busy clerk sends the same token thousands of
   * times, and HMAC plus JSON parsing on each request is the single largest cost of a read.
   */
  private readonly verified = new Map<string, { identity: Identity; expiresAtMs: number }>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_SETTINGS) settings: TokenSettings,
  ) {
    this.settings = {
      ...settings,
      key: Buffer.isBuffer(settings.key) ? createSecretKey(settings.key) : settings.key,
    };
  }

  private identify(token: string): Identity {
    const cached = this.verified.get(token);
    if (cached && cached.expiresAtMs > Date.now()) return cached.identity;
    if (cached) this.verified.delete(token);
    const identity = verifyToken(this.settings, token);
    if (this.verified.size >= VERIFIED_CACHE_LIMIT) this.verified.clear();
    this.verified.set(token, { identity, expiresAtMs: identity.expiresAtMs });
    return identity;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const rule =
      this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
        context.getHandler(),
        context.getClass(),
      ]) ?? (request.method === 'GET' || request.method === 'HEAD' ? DEFAULT_READ : DEFAULT_WRITE);
    if (rule.public) return true;

    const token = bearerToken(request);
    if (token === undefined) throw new ApiError('UNAUTHENTICATED');
    let identity: Identity;
    try {
      identity = this.identify(token);
    } catch (error) {
      throw new ApiError(error instanceof TokenExpiredError ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED');
    }
    const role = rule.roles.find((r: Role) => identity.roles.includes(r));
    if (role === undefined) throw new ApiError('ROLE_FORBIDDEN', { allowedRoles: rule.roles });
    request.caller = { identity, actor: { agency: identity.agency, staffId: identity.staffId, role } };
    return true;
  }
}
