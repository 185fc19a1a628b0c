import type { Slice } from '../../slice';
import { ContestFlagController } from './contest-flag.controller';
import { ContestFlagHandler } from './contest-flag.handler';

export const contestFlag: Slice = { controllers: [ContestFlagController], providers: [ContestFlagHandler] };
