import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MIN_SECRET_BYTES, type ApiConfig } from '@accord/config';

export const EMBEDDED_KEY_FILE = 'jwt.key';

export interface SigningKey {
  readonly key: Buffer;
  /** Where it came from, for the boot log (never the key itself). */
  readonly source: 'ACCORD_JWT_SECRET' | 'ACCORD_JWT_KEY_FILE' | 'embedded';
  readonly file?: string;
  /** True when this call created the embedded key: the first start of a fresh ledger. */
  readonly created: boolean;
}

export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

/**
 * The HS256 key, from configuration in production, else `<dataDir>/jwt.key`, created on the first
 * embedded start (48 random bytes, mode 0600). The API and `accord token issue` both call this, so a
 * token the CLI prints is one the API accepts. No key is ever compiled in.
 */
export function loadSigningKey(config: Pick<ApiConfig, 'jwt' | 'dataDir' | 'production'>): SigningKey {
  if (config.jwt.secret !== undefined) {
    return { key: Buffer.from(config.jwt.secret, 'utf8'), source: 'ACCORD_JWT_SECRET', created: false };
  }
  if (config.jwt.keyFile !== undefined) {
    return {
      key: readKeyFile(config.jwt.keyFile),
      source: 'ACCORD_JWT_KEY_FILE',
      file: config.jwt.keyFile,
      created: false,
    };
  }
  if (config.production) {
    throw new SigningKeyError('no signing key: set ACCORD_JWT_SECRET or ACCORD_JWT_KEY_FILE in production');
  }
  const file = path.join(config.dataDir, EMBEDDED_KEY_FILE);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(48);
  try {
    // 'wx' fails if the file exists, so two processes starting together never overwrite each other's key.
    fs.writeFileSync(file, key.toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
    return { key: readKeyFile(file), source: 'embedded', file, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return { key: readKeyFile(file), source: 'embedded', file, created: false };
}

/** A key file holds base64 (as written by Accord) or raw text; either way at least 32 bytes of key. */
function readKeyFile(file: string): Buffer {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new SigningKeyError(`cannot read signing key ${file}: ${(error as Error).message}`);
  }
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(text)
    ? Buffer.from(text, 'base64')
    : Buffer.from(text, 'utf8');
  const key = decoded.length >= MIN_SECRET_BYTES ? decoded : Buffer.from(text, 'utf8');
  if (key.length < MIN_SECRET_BYTES) {
    throw new SigningKeyError(`signing key ${file} is shorter than ${MIN_SECRET_BYTES} bytes`);
  }
  return key;
}
