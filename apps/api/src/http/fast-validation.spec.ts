import 'reflect-metadata';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import fc from 'fast-check';
import { compileBody } from './fast-validation';
import { RecordActivityRequestDto } from '../slices/cases/record-activity/record-activity.request.dto';
import { RegisterCaseRequestDto } from '../slices/cases/register-case/register-case.request.dto';
import { litigationCase } from '../../../../test/support/api-fixtures';

type Dto = new () => object;

/** Every request DTO of every slice: the classes a body is validated against. */
function requestDtos(): Map<string, Dto> {
  const found = new Map<string, Dto>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.request.dto.ts')) {
        for (const [exported, value] of Object.entries(jest.requireActual<Record<string, unknown>>(path))) {
          if (typeof value === 'function' && exported.endsWith('RequestDto'))
            found.set(exported, value as Dto);
        }
      }
    }
  };
  walk(join(__dirname, '..', 'slices'));
  return found;
}

/** class-validator's verdict and class-transformer's instance, with the global pipe's options. */
function reference(dto: Dto, body: unknown): { valid: boolean; instance: unknown } {
  const instance = plainToInstance(dto, body);
  const errors = validateSync(instance as object, { whitelist: true, forbidNonWhitelisted: true });
  return { valid: errors.length === 0, instance };
}

const near = (n: number): number[] => [n - 1, n, n + 1];

/** Values around each constraint's edges (valid ones included), so both verdicts occur often. */
function valuesFor(metadatas: readonly ValidationMetadata[], depth: number): fc.Arbitrary<unknown> {
  const junk = fc.constantFrom(null, 0, 1.5, true, '', 'x', '\uFE0F', '😀', {}, []);
  const options: fc.Arbitrary<unknown>[] = [];
  for (const m of metadatas) {
    const c = (m.constraints ?? []) as unknown[];
    switch (m.name) {
      case 'isIn':
        options.push(fc.constantFrom(...(c[0] as unknown[])));
        break;
      case 'isLength': {
        const [min, max] = c as [number, number];
        const lengths = [...near(min), ...near(max)].filter((n) => n >= 0);
        options.push(
          fc
            .constantFrom(...lengths)
            .chain((n) =>
              fc.constantFrom('a'.repeat(n), '😀'.repeat(n), `${'a'.repeat(Math.max(0, n - 1))}\uFE0F`),
            ),
        );
        break;
      }
      case 'matches':
        options.push(fc.stringMatching(c[0] as RegExp, { size: 'xsmall' }));
        options.push(fc.constantFrom('2024-03-01', '2021-01-01', '2020-12-31', '1990-10-01', '2024-3-1'));
        break;
      case 'notBeforeLaw':
        options.push(fc.constantFrom(c[0] as string, '2024-03-01', '1989-01-01', '2020-12-31'));
        break;
      case 'min':
      case 'max':
        options.push(fc.constantFrom(...near(c[0] as number), (c[0] as number) + 0.5));
        break;
      case 'isInt':
        options.push(fc.integer({ min: -3, max: 1000 }));
        break;
      case 'isBoolean':
        options.push(fc.boolean());
        break;
      case 'isBooleanString':
        options.push(fc.constantFrom('true', 'false', '1', '0', 'yes'));
        break;
      case 'isUuid':
        options.push(fc.uuid(), fc.constant('not-a-uuid'));
        break;
      case 'identifier':
        options.push(fc.constantFrom('p-1', 'p-2', '__proto__', 'toString', 'a\tb', 'a b'));
        break;
      case 'organCode':
        options.push(fc.constantFrom('county-land-bureau', 'a--b', 'Bureau1', '-x'));
        break;
      case 'isObject':
        options.push(fc.dictionary(fc.constantFrom('a', 'b'), fc.constantFrom('v', 1, null)));
        break;
      default:
        break;
    }
    if (m.type === 'nestedValidation' && depth < 3) {
      const type = defaultMetadataStorage.findTypeMetadata(m.target as Dto, m.propertyName);
      const nested = type?.typeFunction?.() as Dto | undefined;
      if (nested) options.push(bodies(nested, depth + 1));
    }
  }
  // Mostly values near the constraints, some junk: both verdicts must be common.
  const scalar = fc.oneof(
    { arbitrary: junk, weight: 1 },
    ...options.map((arbitrary) => ({ arbitrary, weight: 6 })),
  );
  const each = metadatas.some((m) => m.each) || metadatas.some((m) => m.name?.startsWith('array'));
  return each ? fc.oneof({ arbitrary: fc.array(scalar, { maxLength: 3 }), weight: 6 }, scalar) : scalar;
}

/** Null most of the time, a value once in eight. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 7 }, { arbitrary, weight: 1 });

function bodies(dto: Dto, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  }
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [property, metadatas] of byProperty) shape[property] = valuesFor(metadatas, depth);
  return fc
    .tuple(
      fc.record(shape),
      rarely(fc.constantFrom(...byProperty.keys())),
      rarely(fc.constantFrom('unknown', 'toString')),
    )
    .map(([body, missing, extra]) => {
      const copy: Record<string, unknown> = { ...body };
      if (missing !== null) delete copy[missing];
      if (extra !== null) copy[extra] = 'x';
      return copy;
    });
}

describe('compiled body validation (issue 14)', () => {
  const dtos = requestDtos();
  /** Per compiled DTO, how many generated bodies the compiled check passed. */
  const passes = new Map<string, number>();

  it('finds the slices’ request DTOs and compiles the hot ones', () => {
    expect(dtos.size).toBeGreaterThan(30);
    expect(compileBody(RecordActivityRequestDto)).toBeDefined();
    expect(compileBody(RegisterCaseRequestDto)).toBeDefined();
  });

  it('passes a valid body and builds the instance class-transformer builds', () => {
    const body = {
      kind: 'HEARING',
      heldOn: '2024-03-05',
      agencies: ['COURT'],
      partyIds: ['p-1'],
      others: [],
    };
    const built = compileBody(RecordActivityRequestDto)!(body);
    expect(built).toBeInstanceOf(RecordActivityRequestDto);
    expect(built).toStrictEqual(reference(RecordActivityRequestDto, body).instance);

    const registration = litigationCase();
    const registered = compileBody(RegisterCaseRequestDto)!(registration);
    expect(registered).toBeDefined();
    expect(registered).toStrictEqual(reference(RegisterCaseRequestDto, registration).instance);
  });

  // The property that makes the fallback design exact: whatever the compiled check passes,
  // class-validator passes too, with the same instance; all else goes to class-validator anyway.
  it.each([...dtos.keys()])('%s: never passes a body class-validator refuses', (name) => {
    const dto = dtos.get(name)!;
    const compiled = compileBody(dto);
    if (compiled === undefined) return;
    let passed = 0;
    let refused = 0;
    fc.assert(
      fc.property(bodies(dto), (body) => {
        const fast = compiled(body);
        const slow = reference(dto, body);
        if (fast === undefined) {
          if (!slow.valid) refused += 1;
          return;
        }
        passed += 1;
        expect(slow.valid).toBe(true);
        expect(fast).toStrictEqual(slow.instance);
      }),
      { numRuns: 300, seed: 14 },
    );
    expect(refused).toBeGreaterThan(0);
    passes.set(name, passed);
  });

  it('was tested on passing bodies too, not vacuously', () => {
    const compiled = [...passes.values()];
    expect(compiled.length).toBeGreaterThan(dtos.size / 2);
    expect(compiled.filter((n) => n > 0).length).toBeGreaterThan(compiled.length / 2);
    expect(passes.get('RecordActivityRequestDto')).toBeGreaterThan(0);
  });
});
