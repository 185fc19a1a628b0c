import { StoreUnavailableError } from '../store-errors';

/**
 * SQLSTATE classes that mean the server cannot serve now rather than that a statement was wrong:
 * 08 connection exception, 53 insufficient resources, 57 operator intervention (shutdown, a
 * database dropped WITH (FORCE)), 3D no such database, 28 authorisation.
 */
const UNAVAILABLE_CLASSES = ['08', '53', '57', '3D', '28'];
const NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE'];

/** A PostgreSQL server that cannot serve becomes the port's StoreUnavailableError; anything else stays. */
export function storeErrorOf(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const unavailable =
    (typeof code === 'string' &&
      (NETWORK_CODES.includes(code) || UNAVAILABLE_CLASSES.includes(code.slice(0, 2)))) ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(message);
  return unavailable
    ? new StoreUnavailableError(typeof code === 'string' ? `${code}: ${message}` : message)
    : error;
}
