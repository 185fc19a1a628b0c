import { APP_GUARD } from '@nestjs/core';
import type { Slice } from '../slice';
import { closeLetter } from './close-letter';
import { getLetter } from './get-letter';
import { issueLetter } from './issue-letter';
import { OrganGate } from './organ-gate';
import { recordFollowUp } from './record-follow-up';
import { recordLetterResponse } from './record-letter-response';
import { serveLetter } from './serve-letter';

/** Art 8: organs hold tokens to answer letters; the gate keeps them off every other write. */
export const organGate: Slice = { controllers: [], providers: [{ provide: APP_GUARD, useClass: OrganGate }] };

export const LETTER_SLICES: readonly Slice[] = [
  organGate,
  issueLetter,
  serveLetter,
  recordLetterResponse,
  recordFollowUp,
  closeLetter,
  getLetter,
];
