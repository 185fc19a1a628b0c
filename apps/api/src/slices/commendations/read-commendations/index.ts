import type { Slice } from '../../slice';
import { ReadCommendationsController } from './read-commendations.controller';

export const readCommendations: Slice = { controllers: [ReadCommendationsController] };
