import type { Slice } from '../slice';
import { commendOrgan } from './commend-organ';
import { commendationReport } from './commendation-report';
import { readCommendations } from './read-commendations';

export const COMMENDATION_SLICES: readonly Slice[] = [commendOrgan, readCommendations, commendationReport];
