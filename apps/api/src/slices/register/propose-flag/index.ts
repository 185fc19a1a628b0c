import type { Slice } from '../../slice';
import { ProposeFlagController } from './propose-flag.controller';
import { ProposeFlagHandler } from './propose-flag.handler';

export const proposeFlag: Slice = { controllers: [ProposeFlagController], providers: [ProposeFlagHandler] };
