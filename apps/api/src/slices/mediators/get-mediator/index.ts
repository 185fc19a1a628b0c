import type { Slice } from '../../slice';
import { GetMediatorController } from './get-mediator.controller';

export const getMediator: Slice = { controllers: [GetMediatorController] };
