import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { RESERVED_IDS, unsafeCharacterIn } from '@accord/events';
import { ApiError } from './api-error';
import { type CompiledBody, compileBody } from './fast-validation';

export interface FieldError {
  readonly field: string;
  readonly constraints: readonly string[];
  readonly message: string;
}

function flatten(
  errors: readonly ValidationError[],
  prefix = '',
): { field: string; constraints: Record<string, string> }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, constraints: error.constraints }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function isEmptyObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return false;
  return Object.getOwnPropertySymbols(value).length === 0;
}

/**
 * What class-transformer would skip silently and class-validator never sees (issue 8 §3, §9): keys
 * that objects already carry (`toString`, `hasOwnProperty`, `__defineGetter__` …) are refused by
 * name like any unknown key, and every string anywhere in a body is refused if it holds control
 * characters, bidirectional overrides, zero-width characters or lone surrogates. One walk here, so
 * every route and every DTO gets it, including fields added later.
 */
export function hostileInputIn(
  value: unknown,
  path = '',
): { field: string; constraints: Record<string, string> }[] {
  if (typeof value === 'string') {
    const unsafe = unsafeCharacterIn(value);
    return unsafe === null
      ? []
      : [
          {
            field: path || '(body)',
            constraints: { safeText: `${path || 'body'} must not contain ${unsafe}` },
          },
        ];
  }
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => hostileInputIn(item, `${path}.${i}`));
  return Object.keys(value).flatMap((key) => {
    const field = path ? `${path}.${key}` : key;
    const keyProblems = RESERVED_IDS.has(key)
      ? [{ field, constraints: { whitelistValidation: `property ${key} should not exist` } }]
      : hostileInputIn(key, `${field} (key)`);
    return [...keyProblems, ...hostileInputIn((value as Record<string, unknown>)[key], field)];
  });
}

/**
 * Whether `hostileInputIn` would find nothing, without building its answer: nearly every body is
 * clean, and the full walk allocates arrays per key and per string.
 */
function isClean(value: unknown): boolean {
  if (typeof value === 'string') return unsafeCharacterIn(value) === null;
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!isClean(item)) return false;
    return true;
  }
  for (const key of Object.keys(value)) {
    if (RESERVED_IDS.has(key) || unsafeCharacterIn(key) !== null) return false;
    if (!isClean((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** One 400 problem listing every field, in the caller's language. */
function validationFailed(
  fields: readonly { field: string; constraints: Record<string, string> }[],
): ApiError {
  return new ApiError('VALIDATION_FAILED', (language) => ({
    errors: fields.map(({ field, constraints }): FieldError => {
      const names = Object.keys(constraints);
      return {
        field,
        constraints: names,
        message:
          language === 'zh'
            ? `字段 ${field} 不符合要求（${names.join('、')}）`
            : Object.values(constraints).join('; '),
      };
    }),
  }));
}

/**
 * Most reads send no query string, yet the pipe would build and validate a query DTO for each one.
 * Validation is a pure function of the value and the class, so once an empty query has passed for
 * a class, every later empty query for it passes too: it gets a fresh instance directly.
 */
class AccordValidationPipe extends ValidationPipe {
  private readonly emptyQueryPasses = new Set<unknown>();
  /** Per body DTO, its compiled check (fast-validation.ts), or null where the derivation declined. */
  private readonly compiled = new Map<unknown, CompiledBody | null>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { type, metatype } = metadata;
    if ((type === 'body' || type === 'query') && !isClean(value)) {
      const hostile = hostileInputIn(value);
      if (hostile.length > 0) throw validationFailed(hostile);
    }
    // A whole body that the compiled check passes is a valid one: its DTO without reflection. Any
    // other (invalid, or a DTO the check declined) gets class-validator's verdict and messages.
    if (type === 'body' && metadata.data === undefined && metatype !== undefined) {
      const dto = this.compiledFor(metatype)?.(value);
      if (dto !== undefined) return dto;
    }
    const emptyQuery = type === 'query' && metatype !== undefined && isEmptyObject(value);
    if (emptyQuery && this.emptyQueryPasses.has(metatype)) return new metatype();
    const result: unknown = await super.transform(value, metadata);
    if (emptyQuery) this.emptyQueryPasses.add(metatype);
    return result;
  }

  private compiledFor(metatype: NonNullable<ArgumentMetadata['metatype']>): CompiledBody | null {
    let check = this.compiled.get(metatype);
    if (check === undefined) {
      // The pipe validates no primitive body (`@Body() text: string`) either.
      check = this.toValidate({ type: 'body', metatype }) ? (compileBody(metatype) ?? null) : null;
      this.compiled.set(metatype, check);
    }
    return check;
  }
}

/**
 * The global pipe: unknown fields are refused (never silently dropped), values are transformed to
 * the DTO's types, and failures become one 400 problem listing every field.
 */
export function validationPipe(): ValidationPipe {
  return new AccordValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
