import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, ValidateBy, type ValidationOptions } from 'class-validator';
import {
  isOrganCode,
  ORGAN_CODE_MAX,
  ORGAN_CODE_PATTERN,
  RESERVED_IDS,
  unsafeIdentifierCharacterIn,
} from '@accord/events';

/**
 * The earliest day a date may name, per field (issue 8 §9): nothing is dated before the law that
 * governs it. A case's acceptance (受理) is governed by the Administrative Litigation Law, in force
 * since 1 October 1990 (reconsideration and petitions came later, so no channel's case is older);
 * every act of the Measures themselves (invitations, replies, meetings, letters, register entries,
 * the pool …) by the Measures, issued in 2021 — the year, as domain.md records no day. Dates after
 * today are refused by the deciders against the request's own clock (`metadata.now`), so the same
 * request is judged by one "today".
 */
export const DATE_FLOORS = {
  caseAcceptance: '1990-10-01',
  measuresAct: '2021-01-01',
} as const;

/** A legal date, `YYYY-MM-DD` (Asia/Shanghai), not before `floor`; the domain checks it is a real day and not in the future. */
export const IsLegalDate = (description: string, floor: string = DATE_FLOORS.measuresAct) =>
  applyDecorators(
    ApiProperty({
      description: `${description} Not before ${floor}, not after today.`,
      example: '2024-03-01',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    }),
    IsString(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    ValidateBy({
      name: 'notBeforeLaw',
      constraints: [floor],
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || value >= floor,
        defaultMessage: () => `$property must not be before ${floor}, when the law governing it took effect`,
      },
    }),
  );

/** Free text with bounds, so no field can carry a megabyte. Unsafe characters are refused for every string by the validation pipe. */
export const IsText = (description: string, max = 2000, example?: string) =>
  applyDecorators(ApiProperty({ description, maxLength: max, example }), IsString(), Length(1, max));

/** Not a line break or tab, nor a name JavaScript objects already carry (`__proto__`, `constructor` …). */
export const IsIdentifierText = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'identifier',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          !RESERVED_IDS.has(value) &&
          unsafeIdentifierCharacterIn(value) === null,
        defaultMessage: () =>
          '$property must be one line without control characters, and not a reserved name',
      },
    },
    options,
  );

/** An identifier typed by people (party ids, docket numbers, document numbers): text on one line, no reserved names. */
export const IsIdentifier = (description: string, max = 64, example?: string) =>
  applyDecorators(IsText(description, max, example), IsIdentifierText());

/** An administrative organ's code: one strict spelling everywhere (see `ORGAN_CODE_PATTERN`). */
export const IsOrganCode = (description: string) =>
  applyDecorators(
    ApiProperty({
      description,
      pattern: ORGAN_CODE_PATTERN.source,
      maxLength: ORGAN_CODE_MAX,
      example: 'county-land-bureau',
    }),
    ValidateBy({
      name: 'organCode',
      validator: {
        validate: (value: unknown) => isOrganCode(value),
        defaultMessage: () =>
          `$property must be ASCII letters and digits in words joined by single hyphens, at most ${ORGAN_CODE_MAX} characters`,
      },
    }),
  );
