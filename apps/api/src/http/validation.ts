import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiError } from './api-error';

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

/**
 * The global pipe: unknown fields are refused (never silently dropped), values are transformed to
 * the DTO's types, and failures become one 400 problem listing every field.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
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
    },
  });
}
