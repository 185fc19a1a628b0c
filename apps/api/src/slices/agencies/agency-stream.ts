import { Injectable, Param, type PipeTransform } from '@nestjs/common';
import { AGENCIES, type Agency, isAgency } from '@accord/events';
import { ApiError } from '../../http/api-error';

/** Stream naming (architecture.md): one stream per agency, by its code. */
export const agencyStreamId = (agency: Agency): string => `agency-${agency}`;

/** Only the three agencies have a record (Art 16); any other code is a malformed path, never a 500. */
@Injectable()
export class AgencyCodePipe implements PipeTransform<unknown, Agency> {
  transform(value: unknown): Agency {
    if (!isAgency(value)) throw new ApiError('INVALID_ID', { expected: AGENCIES.join(' | ') });
    return value;
  }
}

/** `@AgencyParam('code') agency: Agency` — one of COURT, PROCURATORATE, GOV_OFFICE in the path. */
export const AgencyParam = (name = 'code') => Param(name, new AgencyCodePipe());
