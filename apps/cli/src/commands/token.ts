import { parseArgs } from 'node:util';
import { ROLES } from '@accord/events';
import { chosenDataDir, ConfigError, loadConfig } from '@accord/config';
import { loadSigningKey } from '@accord/identity';
import { issueToken, parseTtl } from '@accord/identity';
import { type CliCommand, type CliIo, EXIT_OK, EXIT_USAGE, UsageError } from '../cli';

const help = `Usage: accord token issue --agency AGENCY --staff STAFF_ID --role ROLE [--role ROLE] [--ttl 8h] [--data DIR]

Prints a bearer token (HS256 JWT) for the Accord API. The acting agency is taken from the token
only, never from a request body.

Options:
  --agency AGENCY  COURT, PROCURATORATE, GOV_OFFICE or ORGAN:<code>
  --staff ID       staff id, e.g. s-01 ([A-Za-z0-9._-], up to 64)
  --role ROLE      ${ROLES.join(', ')} (repeat for several):
                     clerk    acts of the Measures for its own agency
                     lead     clerk's acts plus leadership acts (escalation, absence reports,
                              register flag decisions, mediator pool)
                     auditor  read-only, every case and the audit log
  --ttl TTL        lifetime, e.g. 30m, 8h, 7d (default 8h)
  --data DIR       data directory holding the embedded key jwt.key (default: $ACCORD_DATA_DIR,
                   else ./data); created with a fresh key on first use

The key is ACCORD_JWT_SECRET or ACCORD_JWT_KEY_FILE when set (required with NODE_ENV=production),
else <DIR>/jwt.key, the same key the API uses. Issuer and audience follow ACCORD_JWT_ISSUER and
ACCORD_JWT_AUDIENCE.

Example:
  export TOKEN=$(npx accord token issue --agency COURT --staff s-01 --role clerk)
  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3000/cases`;

const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'Issue a bearer token for the API (token issue --agency --staff --role)',
  help,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    if (sub !== 'issue')
      throw new UsageError(sub === undefined ? 'missing subcommand "issue"' : `unknown subcommand "${sub}"`);
    const flags = parse(rest);
    let config;
    try {
      config = loadConfig({ ...io.env, ACCORD_DATA_DIR: chosenDataDir(io.env, flags.data, io.cwd) });
    } catch (error) {
      if (error instanceof ConfigError) {
        io.err(`accord token: ${error.message}`);
        return EXIT_USAGE;
      }
      throw error;
    }
    let ttlSeconds: number;
    try {
      ttlSeconds = parseTtl(flags.ttl);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const signing = loadSigningKey(config);
    if (signing.created) io.err(`accord token: created a new signing key at ${signing.file}`);
    try {
      io.out(
        issueToken(
          { key: signing.key, issuer: config.jwt.issuer, audience: config.jwt.audience },
          { agency: flags.agency, staffId: flags.staff, roles: flags.roles },
          ttlSeconds,
        ),
      );
    } catch (error) {
      if (error instanceof TypeError) throw new UsageError(error.message);
      throw error;
    }
    return EXIT_OK;
  },
};

function parse(args: readonly string[]): {
  agency: string;
  staff: string;
  roles: string[];
  ttl: string;
  data?: string;
} {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        agency: { type: 'string' },
        staff: { type: 'string' },
        role: { type: 'string', multiple: true },
        ttl: { type: 'string', default: '8h' },
        data: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const missing = (['agency', 'staff', 'role'] as const).filter((name) => values[name] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')}`);
  return {
    agency: values.agency!,
    staff: values.staff!,
    roles: values.role!,
    ttl: values.ttl ?? '8h',
    data: values.data,
  };
}

export default tokenCommand;
