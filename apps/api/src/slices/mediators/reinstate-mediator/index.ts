import type { Slice } from '../../slice';
import { ReinstateMediatorController } from './reinstate-mediator.controller';
import { ReinstateMediatorHandler } from './reinstate-mediator.handler';

export const reinstateMediator: Slice = {
  controllers: [ReinstateMediatorController],
  providers: [ReinstateMediatorHandler],
};
