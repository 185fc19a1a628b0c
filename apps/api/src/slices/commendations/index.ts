import type { Slice } from '../slice';
import { commendOrgan } from './commend-organ';

export const COMMENDATION_SLICES: readonly Slice[] = [commendOrgan];
