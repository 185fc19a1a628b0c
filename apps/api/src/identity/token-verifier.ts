import { createSecretKey } from 'node:crypto';
import { type Identity, type TokenSettings, verifyToken } from '@accord/identity';

const VERIFIED_CACHE_LIMIT = 10_000;

/**
 * Verifies bearer tokens once and remembers them until they expire: a busy clerk sends the same
 * token thousands of times, and HMAC plus JSON parsing on each request is the single largest cost
 * of a read. Shared by the auth guard and the rate limiter, which keys authenticated requests by
 * member of staff (so forty fresh tokens of one clerk share one allowance).
 */
export class TokenVerifier {
  private readonly settings: TokenSettings;
  private readonly verified = new Map<string, { identity: Identity; expiresAtMs: number }>();

  constructor(settings: TokenSettings) {
    this.settings = {
      ...settings,
      key: Buffer.isBuffer(settings.key) ? createSecretKey(settings.key) : settings.key,
    };
  }

  /** Throws as `verifyToken` does for a token Accord did not issue or that expired. */
  identify(token: string): Identity {
    const cached = this.verified.get(token);
    if (cached && cached.expiresAtMs > Date.now()) return cached.identity;
    if (cached) this.verified.delete(token);
    const identity = verifyToken(this.settings, token);
    // Bounded: a flood of distinct valid tokens cannot grow it.
    if (this.verified.size >= VERIFIED_CACHE_LIMIT) this.verified.clear();
    this.verified.set(token, { identity, expiresAtMs: identity.expiresAtMs });
    return identity;
  }

  /** The identity, or undefined for any token that would not authenticate. */
  tryIdentify(token: string): Identity | undefined {
    try {
      return this.identify(token);
    } catch {
      return undefined;
    }
  }
}
