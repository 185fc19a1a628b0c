import type { Slice } from '../../slice';
import { ExpireFlagController } from './expire-flag.controller';
import { ExpireFlagHandler } from './expire-flag.handler';

export const expireFlag: Slice = { controllers: [ExpireFlagController], providers: [ExpireFlagHandler] };
