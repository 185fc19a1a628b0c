import type { Slice } from '../slice';
import { designateLiaison } from './designate-liaison';
import { getAgency } from './get-agency';

export const AGENCY_SLICES: readonly Slice[] = [designateLiaison, getAgency];
