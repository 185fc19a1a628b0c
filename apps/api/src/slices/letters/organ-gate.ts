import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { isOrgan } from '@accord/events';
import { defineErrors } from '@accord/domain';
import { ACCESS_METADATA, type AccessRule } from '../../identity/access.decorators';
import { bearerToken, TOKEN_VERIFIER } from '../../identity/auth.guard';
import type { TokenVerifier } from '../../identity/token-verifier';

const ORGAN_MAY_ACT = 'accord:organ-may-act';
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const organGateError = defineErrors({
  ORGAN_MAY_ONLY_ANSWER_LETTERS: {
    kind: 'forbidden',
    article: 'Art 8',
    en: 'An administrative organ records only its response to a suggestion letter addressed to it.',
    zh: '行政机关只能对向其发出的建议书作出回复，不能执行其他操作。',
  },
});

/** Marks the one write an administrative organ's own token may perform: its answer to a letter (Art 8). */
export const OrganMayAct = () =>
  applyDecorators(SetMetadata(ORGAN_MAY_ACT, true), ApiExtension('x-accord-organs', true));

/**
 * Art 8: administrative organs hold tokens (`ORGAN:<code>`) only to answer the letters sent to them.
 * The role check lets any clerk or lead act, so without this gate an organ's clerk could reach every
 * write; here every write refuses an organ unless the route is marked `@OrganMayAct()`. Reads stay
 * open to organs: each read decides visibility itself (a case is never an organ's, a letter is).
 *
 * Registered as a global guard. It does not rely on running after the AuthGuard: when the caller is
 * not known yet it reads the token itself, and leaves every refusal of a bad token to the AuthGuard.
 */
@Injectable()
export class OrganGate implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (READS.has(request.method)) return true;
    // Who asks first: only an organ's write needs the route's metadata, and nearly no write is one's.
    const agency = request.caller?.identity.agency ?? this.agencyOfToken(request);
    if (agency === undefined || !isOrgan(agency)) return true;
    const targets = [context.getHandler(), context.getClass()];
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, targets);
    if (rule?.public || this.reflector.getAllAndOverride<boolean | undefined>(ORGAN_MAY_ACT, targets))
      return true;
    throw organGateError('ORGAN_MAY_ONLY_ANSWER_LETTERS', { agency });
  }

  private agencyOfToken(request: FastifyRequest): string | undefined {
    const token = bearerToken(request);
    return token === undefined ? undefined : this.tokens.tryIdentify(token)?.agency;
  }
}
