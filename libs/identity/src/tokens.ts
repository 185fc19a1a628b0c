import { type KeyObject, randomUUID } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { isAgency, isOrganCode, mayHoldRole, ROLES, type ActorAgency, type Role } from '@accord/events';

/**
 * Who is calling: the agency they act for, their staff id and their roles. The acting agency comes
 * from the signed token only, never from a request body.
 *
 * Roles:
 * - `clerk`: performs the acts of the Measures for its own agency, reads its agency's cases (Art 17).
 * - `lead`: everything a clerk may do, plus the acts reserved to leadership: escalation to county
 *   leadership (Art 10), absence reports (Art 12), register flag confirmations and contest
 *   decisions (Art 11), mediator pool management (Art 13).
 * - `auditor`: read-only, over every case and the audit log (inspection and discipline staff);
 *   every read is still recorded (Art 17).
 */
export interface Identity {
  readonly agency: ActorAgency;
  readonly staffId: string;
  readonly roles: readonly Role[];
  readonly tokenId: string;
  /** When the token expires (ms since the epoch). */
  readonly expiresAtMs: number;
}

export interface TokenSettings {
  /** A KeyObject is much faster to verify with: given a Buffer, jsonwebtoken first tries to parse it as a public key. */
  readonly key: Buffer | KeyObject;
  readonly issuer: string;
  readonly audience: string;
}

const STAFF_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function isActorAgency(value: unknown): value is ActorAgency {
  if (isAgency(value)) return true;
  return typeof value === 'string' && value.startsWith('ORGAN:') && isOrganCode(value.slice(6));
}

export function isStaffId(value: unknown): value is string {
  return typeof value === 'string' && STAFF_ID.test(value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** `8h`, `30m`, `7d`, `45s` or a number of seconds. */
export function parseTtl(ttl: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(ttl.trim());
  if (!match) throw new TypeError(`bad ttl ${JSON.stringify(ttl)}: expected e.g. 30m, 8h, 7d`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  if (seconds <= 0 || seconds > 366 * 86400)
    throw new TypeError(`bad ttl ${JSON.stringify(ttl)}: from 1s to 366d`);
  return seconds;
}

export function issueToken(
  settings: TokenSettings,
  who: { agency: string; staffId: string; roles: readonly string[] },
  ttlSeconds = 8 * 3600,
): string {
  if (!isActorAgency(who.agency)) {
    throw new TypeError(
      `bad agency ${JSON.stringify(who.agency)}: COURT, PROCURATORATE, GOV_OFFICE or ORGAN:<code>`,
    );
  }
  if (!isStaffId(who.staffId)) throw new TypeError(`bad staff id ${JSON.stringify(who.staffId)}`);
  if (who.roles.length === 0 || !who.roles.every(isRole)) {
    throw new TypeError(`bad roles ${JSON.stringify(who.roles)}: ${ROLES.join(', ')}`);
  }
  const refused = who.roles.filter((role) => !mayHoldRole(who.agency, role as Role));
  if (refused.length > 0)
    throw new TypeError(
      `${who.agency} may not hold the role(s) ${refused.join(', ')}: an administrative organ only answers the letters addressed to it (clerk)`,
    );
  return jwt.sign(
    { agency: who.agency, staffId: who.staffId, roles: [...new Set(who.roles)] },
    settings.key,
    {
      algorithm: 'HS256',
      issuer: settings.issuer,
      audience: settings.audience,
      subject: `${who.agency}/${who.staffId}`,
      expiresIn: ttlSeconds,
      jwtid: randomUUID(),
    },
  );
}

/** Throws `jwt.JsonWebTokenError` (incl. `TokenExpiredError`) or TypeError for a token Accord did not issue. */
export function verifyToken(settings: TokenSettings, token: string): Identity {
  const claims = jwt.verify(token, settings.key, {
    algorithms: ['HS256'],
    issuer: settings.issuer,
    audience: settings.audience,
  });
  if (typeof claims !== 'object' || claims === null) throw new TypeError('token has no claims');
  const { agency, staffId, roles, jti, exp } = claims as Record<string, unknown>;
  if (!isActorAgency(agency) || !isStaffId(staffId)) throw new TypeError('token names no valid agency/staff');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole))
    throw new TypeError('token has no valid roles');
  // Accord always sets exp; a token without one is not Accord's.
  if (typeof exp !== 'number') throw new TypeError('token has no expiry');
  return { agency, staffId, roles, tokenId: typeof jti === 'string' ? jti : '', expiresAtMs: exp * 1000 };
}
