import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';

/**
 * C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 keys, and the key formats of the
 * reference implementation (golang.org/x/mod/sumdb/note), so keys and notes interoperate with it.
 *
 *   verifier key:  <name>+<key id, 8 hex>+<base64(0x01 || 32-byte public key)>
 *   private key:   PRIVATE+KEY+<name>+<key id, 8 hex>+<base64(0x01 || 32-byte seed)>
 *   key id:        the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key)
 */
const ED25519 = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';

export class NoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoteError';
  }
}

export interface VerifierKey {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Buffer;
  /** The key as one line of a trust file. */
  readonly text: string;
}

export interface SignerKey extends VerifierKey {
  readonly seed: Buffer;
}

export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name) && /^[\x21-\x7e]+$/.test(name);
}

export function keyId(name: string, publicKey: Buffer): number {
  return createHash('sha256')
    .update(Buffer.from(`${name}\n`, 'utf8'))
    .update(Buffer.from([ED25519]))
    .update(publicKey)
    .digest()
    .readUInt32BE(0);
}

const hex8 = (id: number): string => id.toString(16).padStart(8, '0');

function verifierText(name: string, id: number, publicKey: Buffer): string {
  return `${name}+${hex8(id)}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64')}`;
}

export function generateSignerKey(name: string): SignerKey {
  if (!isValidKeyName(name))
    throw new NoteError(`key name ${JSON.stringify(name)} must be printable ASCII without spaces or "+"`);
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return signerFromSeed(name, Buffer.from(jwk.d!, 'base64url'));
}

function signerFromSeed(name: string, seed: Buffer): SignerKey {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const jwk = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({
    format: 'jwk',
  });
  const publicKey = Buffer.from(jwk.x!, 'base64url');
  const id = keyId(name, publicKey);
  return { name, keyId: id, publicKey, seed, text: verifierText(name, id, publicKey) };
}

export function formatSignerKey(key: SignerKey): string {
  return `PRIVATE+KEY+${key.name}+${hex8(key.keyId)}+${Buffer.concat([Buffer.from([ED25519]), key.seed]).toString('base64')}`;
}

function decodeKeyBytes(b64: string, what: string): Buffer {
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.toString('base64') !== b64 || bytes.length !== 33 || bytes[0] !== ED25519)
    throw new NoteError(`${what}: not an Ed25519 key (base64 of 0x01 and 32 bytes)`);
  return bytes.subarray(1);
}

/** Splits at the first fields' "+" only: the base64 key at the end may contain "+" itself. */
function splitKey(text: string, fields: number): string[] {
  const parts = text.trim().split('+');
  return parts.length <= fields ? parts : [...parts.slice(0, fields - 1), parts.slice(fields - 1).join('+')];
}

export function parseSignerKey(text: string): SignerKey {
  const parts = splitKey(text, 5);
  if (parts.length !== 5 || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY')
    throw new NoteError('not a private key (PRIVATE+KEY+<name>+<id>+<key>)');
  const [, , name, id, b64] = parts as [string, string, string, string, string];
  if (!isValidKeyName(name)) throw new NoteError(`bad key name ${JSON.stringify(name)}`);
  const key = signerFromSeed(name, decodeKeyBytes(b64, `private key ${name}`));
  if (hex8(key.keyId) !== id) throw new NoteError(`private key ${name}: key id ${id} does not match the key`);
  return key;
}

export function parseVerifierKey(text: string): VerifierKey {
  const parts = splitKey(text, 3);
  if (parts.length !== 3)
    throw new NoteError(`not a verifier key (<name>+<id>+<key>): ${JSON.stringify(text)}`);
  const [name, id, b64] = parts as [string, string, string];
  if (!isValidKeyName(name)) throw new NoteError(`bad key name ${JSON.stringify(name)}`);
  const publicKey = decodeKeyBytes(b64, `verifier key ${name}`);
  const computed = keyId(name, publicKey);
  if (!/^[0-9a-f]{8}$/.test(id) || hex8(computed) !== id)
    throw new NoteError(`verifier key ${name}: key id ${id} does not match the key`);
  return { name, keyId: computed, publicKey, text: verifierText(name, computed, publicKey) };
}

export function signatureLine(key: SignerKey, text: string): string {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), key.seed]);
  const signature = sign(
    null,
    Buffer.from(text, 'utf8'),
    createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }),
  );
  const id = Buffer.alloc(4);
  id.writeUInt32BE(key.keyId);
  return `${SIGNATURE_PREFIX}${key.name} ${Buffer.concat([id, signature]).toString('base64')}\n`;
}

export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  readonly signature: Buffer;
  readonly line: string;
}

export interface Note {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** Splits a note into its text and signature lines; refuses anything malformed. */
export function parseNote(note: string): Note {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n'))
    throw new NoteError('not a signed note: no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (text.length === 0 || lines.length === 0) throw new NoteError('not a signed note');
  const signatures = lines.map((line): NoteSignature => {
    if (!line.startsWith(SIGNATURE_PREFIX))
      throw new NoteError(`malformed signature line ${JSON.stringify(line)}`);
    const [name, b64, extra] = line.slice(SIGNATURE_PREFIX.length).split(' ');
    const bytes = Buffer.from(b64 ?? '', 'base64');
    if (
      extra !== undefined ||
      !name ||
      !isValidKeyName(name) ||
      bytes.length < 5 ||
      bytes.toString('base64') !== b64
    )
      throw new NoteError(`malformed signature line ${JSON.stringify(line)}`);
    return { name, keyId: bytes.readUInt32BE(0), signature: bytes.subarray(4), line: `${line}\n` };
  });
  return { text, signatures };
}

export function formatNote(text: string, signatureLines: readonly string[]): string {
  return `${text}\n${signatureLines.join('')}`;
}

/** Whether `key` made one of the note's signatures over its text. Signatures by other keys are ignored, as the spec says. */
export function isSignedBy(note: Note, key: VerifierKey): boolean {
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey.toString('base64url') },
    format: 'jwk',
  });
  return note.signatures.some(
    (s) =>
      s.name === key.name &&
      s.keyId === key.keyId &&
      s.signature.length === 64 &&
      verify(null, Buffer.from(note.text, 'utf8'), publicKey, s.signature),
  );
}
