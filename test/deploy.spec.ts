import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { CONFIG_VARIABLES, loadConfig } from '@accord/config';

/**
 * Docker cannot run on the project's machines, so the deployment files are checked for shape:
 * the compose file parses and has the production topology; the image is multi-stage and not root.
 */
const root = join(__dirname, '..');

interface Service {
  image?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown> | string[];
}

describe('deployment files', () => {
  const compose = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, Service & { '<<'?: Service }>;
  };
  // Compose resolves YAML merge keys (<<: *accord); js-yaml 5 leaves them as they are.
  const services = Object.fromEntries(
    Object.entries(compose.services).map(([name, { '<<': base, ...own }]) => [
      name,
      { ...base, ...own } as Service,
    ]),
  );

  it('compose: a PostgreSQL primary and a streaming replica cloned by pg_basebackup', () => {
    expect(services['pg-primary'].image).toMatch(/^postgres:/);
    expect(services['pg-primary'].command).toEqual(expect.arrayContaining(['wal_level=replica']));
    expect(services['pg-replica'].entrypoint?.join(' ')).toMatch(/pg_basebackup -h pg-primary .* -R/);
  });

  it('compose: two API instances behind the proxy, and the projector with a standby, all on the primary', () => {
    const accord = ['api-1', 'api-2', 'projector', 'projector-standby'];
    for (const name of accord) {
      const env = services[name].environment!;
      expect(env.ACCORD_EVENT_STORE).toBe('postgres');
      expect(env.ACCORD_PG_URL).toMatch(/@pg-primary:5432\/accord$/);
      // Every variable set is one the API reads and validates.
      for (const variable of Object.keys(env)) expect(CONFIG_VARIABLES).toContain(variable);
      // With the placeholders filled in, the configuration passes the boot validation.
      const filled = Object.fromEntries(
        Object.entries(env).map(([k, v]) => [
          k,
          v.replace(/\$\{(\w+)[^}]*\}/g, (_m, n: string) =>
            n === 'ACCORD_JWT_SECRET' ? 'x'.repeat(32) : 'pw',
          ),
        ]),
      );
      expect(loadConfig(filled).eventStore).toEqual({
        kind: 'postgres',
        url: 'postgres://accord:pw@pg-primary:5432/accord',
      });
      expect(loadConfig(filled).readStore).toEqual({
        kind: 'postgres',
        url: 'postgres://accord:pw@pg-primary:5432/accord',
      });
    }
    expect(services['projector'].command).toEqual(['node', 'dist/apps/projector/src/main.js']);
    expect(services['projector-standby'].command).toEqual(services['projector'].command);
    expect(services['api-1'].command).toBeUndefined();
    const caddy = readFileSync(join(root, 'deploy', 'Caddyfile'), 'utf8');
    expect(caddy).toMatch(/reverse_proxy api-1:3000 api-2:3000/);
  });

  it('Dockerfile: multi-stage on node:20, runs as the unprivileged node user, serves the API', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM node:20\S* AS \w+$/gm)).toHaveLength(2);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).not.toMatch(/npm ci|g\+\+/);
    expect(runtime).toMatch(/CMD \["node", "dist\/apps\/api\/src\/main\.js"\]/);
  });
});
