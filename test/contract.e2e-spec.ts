import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Middleware } from 'openapi-fetch';
import * as ts from 'typescript';
import { startApi, type ApiHarness } from './support/api-harness';
import { contractFor } from './support/contract';

const ROOT = resolve(__dirname, '..');
const CLIENT = join(__dirname, 'contract', 'client', 'readme-walk.ts');

/**
 * The client's entry, loaded by path: a static import would pull it into the repository's typecheck,
 * which cannot see the types generated here (it is checked below, strictly, against them).
 */
type WalkReadme = (
  baseUrl: string,
  tokens: Readonly<Record<'gov' | 'pro' | 'aud' | 'court', string>>,
  middleware: Middleware,
) => Promise<Record<string, unknown>>;
function loadClient(): WalkReadme {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  return (require(CLIENT) as { walkReadme: WalkReadme }).walkReadme;
}

/** Type errors of the client against the generated types, under --strict, plus every cast it makes. */
function typecheck(dir: string): { errors: string[]; casts: string[]; wrong: string[] } {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    baseUrl: dir,
    paths: { 'openapi-fetch': [join(ROOT, 'node_modules', 'openapi-fetch', 'dist', 'index.d.ts')] },
  };
  const file = join(dir, 'readme-walk.ts');
  // A control: a client that sends a body the contract does not allow must not compile.
  const control = join(dir, 'wrong.ts');
  writeFileSync(
    control,
    [
      "import createClient from 'openapi-fetch';",
      "import type { paths } from './accord-api';",
      'export const sent = createClient<paths>({}).POST("/cases/{id}/resolution", {',
      '  params: { path: { id: "x" } },',
      '  body: { openedOn: 20261104 },',
      '});',
      '',
    ].join('\n'),
  );
  const program = ts.createProgram([file, control], options);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const wrong = diagnostics.filter((d) => d.file?.fileName === control).map((d) => String(d.code));
  const errors = diagnostics
    .filter((d) => d.file?.fileName !== control)
    .map((d) => {
      const where = d.file
        ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  const casts: string[] = [];
  const source = program.getSourceFile(file)!;
  const visit = (node: ts.Node): void => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node))
      casts.push(node.getText(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { errors, casts, wrong };
}

// Generating and typechecking a client is a compiler run: slow on a loaded machine, bounded generously.
describe('the published contract (/docs-json) drives a typed client', () => {
  let h: ApiHarness;
  let dir: string;
  let spec: string;

  beforeAll(async () => {
    h = await startApi();
    spec = (await h.http.get('/docs-json').expect(200)).text;
    dir = mkdtempSync(join(tmpdir(), 'accord-contract-'));
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates types with openapi-typescript under which the README walk-through compiles strictly, with no casts', async () => {
    // openapi-typescript's CLI, as a client's build would run it (its ESM dependencies do not load under jest).
    writeFileSync(join(dir, 'docs.json'), spec);
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'),
        join(dir, 'docs.json'),
        '-o',
        join(dir, 'accord-api.ts'),
      ],
      { cwd: dir, stdio: 'pipe' },
    );
    copyFileSync(CLIENT, join(dir, 'readme-walk.ts'));
    const { errors, casts, wrong } = typecheck(dir);
    expect(errors).toEqual([]);
    expect(casts).toEqual([]);
    expect(wrong).toContain('2322'); // number is not assignable to string: the check is not vacuous
  }, 180_000);

  it('walks the README with that client against the running app; every answer matches the contract', async () => {
    const contract = contractFor(spec);
    const problems: string[] = [];
    const check: Middleware = {
      async onResponse({ request, response }) {
        const text = await response.clone().text();
        const type = response.headers.get('content-type') ?? '';
        problems.push(
          ...contract.problems(request.method.toLowerCase(), request.url, {
            status: response.status,
            headers: { 'content-type': type },
            text,
            body: text === '' || !/json/.test(type) ? {} : (JSON.parse(text) as unknown),
          }),
        );
        return undefined;
      },
    };
    const staff = (agency: string, id: string, role: 'clerk' | 'auditor') => h.token(agency, id, role);
    const walked = await loadClient()(
      h.url,
      {
        gov: staff('GOV_OFFICE', 'gov-clerk-01', 'clerk'),
        pro: staff('PROCURATORATE', 'pro-clerk-07', 'clerk'),
        aud: staff('GOV_OFFICE', 'inspector-02', 'auditor'),
        court: staff('COURT', 'court-clerk-03', 'clerk'),
      },
      check,
    );
    expect(problems).toEqual([]);
    // Served Friday 20 November 2026: 3 working days, the weekend not counted.
    expect(walked).toMatchObject({
      replyDueBy: '2026-11-25',
      stage: 'CLOSED',
      historyLength: 9,
      courtStatus: 404,
    });
  });
});
