/**
 * Derives, from the deciders' source, the refusal codes each act can answer with: every
 * `xxxError('CODE')` reachable from the act's branch of its decider's `switch (command.type)` (and
 * the checks before the switch), following calls into the domain's own functions, the date guards
 * they are built from, and the calendar behind `LegalCalendar`. The result is written to
 * `libs/domain/src/act-codes/<aggregate>.generated.ts` (`npm run gen:act-codes`);
 * `test/act-codes.spec.ts` fails while those files differ from what this derives, so the OpenAPI
 * spec never lists a code by hand. An error factory called with a code that is not a string literal fails the derivation.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const DOMAIN = path.join(ROOT, 'libs/domain/src');
/** One generated file per aggregate (a source file stays under 600 lines), combined by its index.ts. */
export const GENERATED_DIR = path.join(DOMAIN, 'act-codes');

/** Each aggregate's decide function, by file. */
const DECIDERS = [
  ['case', 'case/case.decide.ts', 'decideCase'],
  ['letter', 'letter/letter.decider.ts', 'decideLetter'],
  ['register', 'register/register.decider.ts', 'decidePartyRegister'],
  ['mediator', 'mediator/mediator.decider.ts', 'decideMediator'],
  ['meeting', 'meeting/meeting.decider.ts', 'decideMeeting'],
  ['agency', 'agency/agency.decider.ts', 'decideAgency'],
  ['commendation', 'commendation/commendation.decider.ts', 'decideCommendation'],
] as const;

export type ActCodes = Record<string, Record<string, string[]>>;

export function deriveActCodes(): ActCodes {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const files = config.fileNames.filter((f) => f.startsWith(DOMAIN) && !/\.spec\.ts$|testing/.test(f));
  const program = ts.createProgram(files, config.options);
  const checker = program.getTypeChecker();
  const inDomain = (node: ts.Node) => node.getSourceFile().fileName.startsWith(DOMAIN);

  // Interface members (LegalCalendar's methods) to the object-literal members implementing them.
  const implementations = new Map<ts.Node, ts.Node[]>();
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(DOMAIN)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const type = checker.getContextualType(node);
        for (const property of node.properties) {
          const name = property.name && ts.isIdentifier(property.name) ? property.name.text : undefined;
          const target = name === undefined ? undefined : type?.getProperty(name);
          for (const declaration of target?.declarations ?? [])
            if (ts.isMethodSignature(declaration) || ts.isPropertySignature(declaration))
              implementations.set(declaration, [...(implementations.get(declaration) ?? []), property]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const declarationsOf = (node: ts.Node): ts.Declaration[] => {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.declarations ?? [];
  };

  /** The code of an error-factory call (`caseError('CASE_CLOSED', …)`), or undefined when not one. */
  const errorCode = (call: ts.CallExpression): string | undefined => {
    for (const declaration of declarationsOf(call.expression)) {
      const init = ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
      if (!init || !ts.isCallExpression(init) || init.expression.getText() !== 'defineErrors') continue;
      const [code] = call.arguments;
      if (!code || !ts.isStringLiteral(code))
        throw new Error(`${call.getSourceFile().fileName}: ${call.getText()} names its code dynamically`);
      return code.text;
    }
    return undefined;
  };

  const codesOf = (root: ts.Node, skip?: ts.Node): Set<string> => {
    const codes = new Set<string>();
    const seen = new Set<ts.Node>();
    const follow = (declaration: ts.Node): void => {
      if (seen.has(declaration) || !inDomain(declaration)) return;
      seen.add(declaration);
      if (ts.isBindingElement(declaration)) {
        // A destructured const (`const { pastDate } = dateGuards(…)`) throws what its initializer builds;
        // a destructured parameter is data, not code.
        let up: ts.Node = declaration;
        while (ts.isBindingElement(up) || ts.isObjectBindingPattern(up) || ts.isArrayBindingPattern(up))
          up = up.parent;
        if (ts.isVariableDeclaration(up)) follow(up);
      } else if (ts.isVariableDeclaration(declaration)) {
        if (declaration.initializer) walk(declaration.initializer);
      } else if (ts.isMethodSignature(declaration) || ts.isPropertySignature(declaration)) {
        for (const implementation of implementations.get(declaration) ?? []) follow(implementation);
      } else if (
        ts.isFunctionLike(declaration) ||
        ts.isPropertyAssignment(declaration) ||
        ts.isShorthandPropertyAssignment(declaration)
      ) {
        walk(declaration);
      }
    };
    const walk = (node: ts.Node): void => {
      if (node === skip) return;
      if (ts.isCallExpression(node)) {
        const code = errorCode(node);
        if (code !== undefined) {
          codes.add(code);
          node.arguments.slice(1).forEach(walk);
          return;
        }
      }
      if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
        const target = ts.isPropertyAccessExpression(node) ? node.name : node;
        for (const declaration of declarationsOf(target)) follow(declaration);
      }
      ts.forEachChild(node, walk);
    };
    walk(root);
    return codes;
  };

  const result: ActCodes = {};
  for (const [aggregate, file, name] of DECIDERS) {
    const source = program.getSourceFile(path.join(DOMAIN, file))!;
    const decide = source.statements.find(
      (s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name,
    );
    if (!decide?.body) throw new Error(`${file}: no function ${name}`);
    let dispatch: ts.SwitchStatement | undefined;
    const find = (node: ts.Node): void => {
      if (ts.isSwitchStatement(node) && /\.type$/.test(node.expression.getText())) dispatch ??= node;
      ts.forEachChild(node, find);
    };
    find(decide.body);
    if (!dispatch) throw new Error(`${file}: ${name} has no switch on the command type`);
    // Checks before the switch apply to every act.
    const shared = codesOf(decide.body, dispatch);
    const acts: Record<string, string[]> = {};
    for (const clause of dispatch.caseBlock.clauses) {
      if (!ts.isCaseClause(clause) || !ts.isStringLiteral(clause.expression)) continue;
      const codes = new Set(shared);
      for (const statement of clause.statements) for (const code of codesOf(statement)) codes.add(code);
      acts[clause.expression.text] = [...codes].sort();
    }
    result[aggregate] = acts;
  }
  return result;
}

/** The generated file of one aggregate (before prettier, which the generator runs on it). */
export function renderActCodes(aggregate: string, acts: Record<string, string[]>): string {
  return (
    '// Generated by `npm run gen:act-codes` (scripts/act-codes.ts) from the decider; do not edit.\n' +
    '// test/act-codes.spec.ts fails while it differs from what the decider can throw.\n\n' +
    `/** Per ${aggregate} act (domain command type): every refusal code its decider can answer with. */\n` +
    `export const ${aggregate.toUpperCase()}_ACT_CODES = ${JSON.stringify(acts, null, 2)} as const;\n`
  );
}

if (require.main === module) {
  const files = Object.entries(deriveActCodes()).map(([aggregate, acts]) => {
    const file = path.join(GENERATED_DIR, `${aggregate}.generated.ts`);
    fs.writeFileSync(file, renderActCodes(aggregate, acts));
    return file;
  });
  execFileSync(path.join(ROOT, 'node_modules/.bin/prettier'), ['--write', ...files], { stdio: 'inherit' });
}
