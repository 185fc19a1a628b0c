import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as jwt from 'jsonwebtoken';
import { startApi } from './support/api-harness';
import { runAccord } from './support/cli-run';

describe('accord token issue', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-token-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const issue = (flags: readonly string[], env?: Record<string, string>) =>
    runAccord(['token', 'issue', ...flags, '--data', dataDir], env);

  it('creates the embedded key (0600) on first use and prints a token the API accepts', async () => {
    const out = await issue(['--agency', 'COURT', '--staff', 's-01', '--role', 'clerk', '--ttl', '1h']);
    expect(out.code).toBe(0);
    const token = out.stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    const keyFile = path.join(dataDir, 'jwt.key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(out.stderr).toContain('created a new signing key');

    const claims = jwt.decode(token) as Record<string, unknown>;
    expect(claims).toMatchObject({
      agency: 'COURT',
      staffId: 's-01',
      roles: ['clerk'],
      iss: 'accord',
      aud: 'accord-api',
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);

    const h = await startApi({}, { dataDir });
    try {
      const res = await h.http
        .get('/cases/0b0b0b0b-1111-4222-8333-444444444444')
        .set('authorization', `Bearer ${token}`);
      expect(res.status).toBe(404);
      expect(h.built.signingKey).toMatchObject({ source: 'embedded', created: false });
    } finally {
      await h.close();
    }
  });

  it('refuses bad usage with exit code 2', async () => {
    const badRole = await issue(['--agency', 'COURT', '--staff', 's-01', '--role', 'judge']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('bad roles');
    const badAgency = await issue(['--agency', 'MAYOR', '--staff', 's', '--role', 'clerk']);
    expect(badAgency.code).toBe(2);
    const missing = await issue(['--agency', 'COURT']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--staff');
  });

  it('uses ACCORD_JWT_SECRET when set, and demands a configured key in production', async () => {
    const secret = 's'.repeat(40);
    const out = await issue(['--agency', 'ORGAN:land-bureau', '--staff', 'o-1', '--role', 'clerk'], {
      ACCORD_JWT_SECRET: secret,
    });
    expect(out.code).toBe(0);
    expect(jwt.verify(out.stdout.trim(), secret, { audience: 'accord-api', issuer: 'accord' })).toMatchObject(
      {
        agency: 'ORGAN:land-bureau',
      },
    );
    expect(fs.existsSync(path.join(dataDir, 'jwt.key'))).toBe(false);

    const prod = await issue(['--agency', 'COURT', '--staff', 's', '--role', 'clerk'], {
      NODE_ENV: 'production',
    });
    expect(prod.code).toBe(2);
    expect(prod.stderr).toContain('ACCORD_JWT_SECRET or ACCORD_JWT_KEY_FILE');
  });
});
