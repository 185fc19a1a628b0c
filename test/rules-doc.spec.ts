import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { allErrorCodes } from '@accord/domain';
import { API_ERRORS } from '@accord/api/http/api-error';

/**
 * docs/rules.md promises, row by row, a code and the tests that hold it. This keeps the promise
 * honest: every code it names is declared, every test it cites exists, every declared code has a row.
 */
const ROOT = resolve(__dirname, '..');
const RULES_MD = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
const SOURCES = ['apps', 'libs', 'test'].flatMap((dir) => sourceFiles(join(ROOT, dir)));

/** Every error catalogue, wherever it lives (domain or API edge): loading one registers its codes. */
function loadEveryCatalogue(): void {
  for (const file of SOURCES) {
    if (/\.(e2e-)?spec\.ts$/.test(file)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- which files is only known at run time
    if (readFileSync(file, 'utf8').includes('defineErrors(')) require(file);
  }
}

interface Row {
  readonly line: number;
  readonly kind: string;
  readonly codes: readonly string[];
  readonly tests: readonly { readonly file: string; readonly name: string }[];
}

/** The rows of every table with a `code` and a `test` column. */
function ruleRows(markdown: string): Row[] {
  const rows: Row[] = [];
  let columns: string[] | undefined;
  markdown.split('\n').forEach((text, index) => {
    if (!text.startsWith('|')) {
      columns = undefined;
      return;
    }
    const cells = text
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (columns === undefined) {
      columns = cells;
      return;
    }
    if (cells.every((cell) => /^-+$/.test(cell))) return;
    const code = columns.indexOf('code');
    const test = columns.indexOf('test');
    if (code < 0 || test < 0) return;
    rows.push({
      line: index + 1,
      kind: cells[columns.indexOf('kind')] ?? '',
      codes: [...cells[code]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!),
      tests: cells[test]!.split(';').flatMap((cited) => {
        const file = /`([^`]+\.spec\.ts)`/.exec(cited)?.[1];
        if (file === undefined) return [];
        const names = cited.slice(cited.indexOf('›') + 1);
        return [...names.matchAll(/"([^"]+)"/g)].map((m) => ({ file, name: m[1]! }));
      }),
    });
  });
  return rows;
}

const rows = ruleRows(RULES_MD);
loadEveryCatalogue();
const declared = allErrorCodes();

function specSource(file: string): string | undefined {
  const found = SOURCES.filter((path) => basename(path) === basename(file) || path.endsWith(`/${file}`));
  return found.length === 0 ? undefined : found.map((path) => readFileSync(path, 'utf8')).join('\n');
}

/** A test's title as written in its spec: in any quotes, with the quote characters escaped as in source. */
function titled(source: string, name: string): boolean {
  return ["'", '"', '`'].some((quote) =>
    source.includes(`${quote}${name.replaceAll(quote, `\\${quote}`)}${quote}`),
  );
}

describe('docs/rules.md against the code', () => {
  it('has rule tables to check', () => {
    expect(rows.length).toBeGreaterThan(50);
    expect(declared.size).toBeGreaterThan(50);
    expect(rows.flatMap((row) => row.tests).length).toBeGreaterThan(200);
  });

  it('names only declared codes', () => {
    // Besides the RuleError catalogues: the API edge's own codes, and error classes that carry a
    // code of their own (a bad calendar at start-up, a store that cannot serve, a cosigner's refusal).
    const apiCodes = new Set(Object.keys(API_ERRORS));
    const classCode = (code: string) =>
      SOURCES.some((file) => readFileSync(file, 'utf8').includes(`code = '${code}'`));
    const exists = (_row: Row, code: string) => declared.has(code) || apiCodes.has(code) || classCode(code);
    const unknown = rows.flatMap((row) =>
      row.codes.filter((code) => !exists(row, code)).map((code) => `line ${row.line}: ${code}`),
    );
    expect(unknown).toEqual([]);
  });

  it('gives every declared code a row', () => {
    const documented = new Set(rows.flatMap((row) => row.codes));
    expect([...declared.keys()].filter((code) => !documented.has(code)).sort()).toEqual([]);
  });

  it('cites only tests that exist, by their spec file and title', () => {
    const missing = rows.flatMap((row) =>
      row.tests
        .filter(({ file, name }) => {
          const source = specSource(file);
          return source === undefined || !titled(source, name);
        })
        .map(({ file, name }) => `line ${row.line}: ${file} › "${name}"`),
    );
    expect(missing).toEqual([]);
  });
});
