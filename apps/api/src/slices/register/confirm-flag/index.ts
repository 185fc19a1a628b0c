import type { Slice } from '../../slice';
import { ConfirmFlagController } from './confirm-flag.controller';
import { ConfirmFlagHandler } from './confirm-flag.handler';

export const confirmFlag: Slice = { controllers: [ConfirmFlagController], providers: [ConfirmFlagHandler] };
