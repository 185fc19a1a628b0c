import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@accord/events';
import { IdempotencyGuard } from '../http/idempotency.guard';
import { ProblemDto } from '../http/problem.dto';

export const ACCESS_METADATA = 'accord:access';

export interface AccessRule {
  readonly public: boolean;
  /** Operators' routes (metrics, readiness): the ops token when configured, else auditors. */
  readonly ops?: boolean;
  /** Roles allowed, in order of preference for the role recorded as the actor's. */
  readonly roles: readonly Role[];
}

function guarded(roles: readonly Role[], summary: string) {
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, { public: false, roles } satisfies AccessRule),
    ApiBearerAuth(),
    ApiExtension('x-accord-roles', roles),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired bearer token.', type: ProblemDto }),
    ApiForbiddenResponse({ description: `Allowed roles: ${roles.join(', ')}. ${summary}`, type: ProblemDto }),
  );
}

/** No token needed: liveness only. */
export const Public = () => SetMetadata(ACCESS_METADATA, { public: true, roles: [] } satisfies AccessRule);

/**
 * Operators' routes (metrics, readiness: counts per event type and refusal code, the head
 * position): `ACCORD_OPS_TOKEN` when configured, otherwise an auditor's staff token.
 */
export const OpsRead = () =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { public: false, ops: true, roles: ['auditor'] } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description: 'The ops token (or an auditor token) is required.',
      type: ProblemDto,
    }),
  );

/** An act of the Measures by staff for their own agency: `clerk` or `lead`, never `auditor` (read-only). */
export const Act = () =>
  applyDecorators(guarded(['clerk', 'lead'], 'Auditors are read-only.'), UseGuards(IdempotencyGuard));

/**
 * An act reserved to leadership: escalation (Art 10), absence reports (Art 12), register flag
 * confirmations and contest decisions (Art 11), mediator pool management (Art 13).
 */
export const LeadAct = () =>
  applyDecorators(guarded(['lead'], 'Reserved to leadership.'), UseGuards(IdempotencyGuard));

/** A read: any role; case visibility is then decided per case (Art 17). Auditors see everything. */
export const Read = () => guarded(['auditor', 'lead', 'clerk'], 'Case visibility follows Art 17.');

/** The audit trail itself: auditors only. */
export const AuditRead = () => guarded(['auditor'], 'Auditors only.');
