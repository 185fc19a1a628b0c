import type { Slice } from '../../slice';
import { CloseCaseController } from './close-case.controller';
import { CloseCaseHandler } from './close-case.handler';

export const closeCase: Slice = { controllers: [CloseCaseController], providers: [CloseCaseHandler] };
