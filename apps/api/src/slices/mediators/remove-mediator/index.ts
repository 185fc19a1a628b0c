import type { Slice } from '../../slice';
import { RemoveMediatorController } from './remove-mediator.controller';
import { RemoveMediatorHandler } from './remove-mediator.handler';

export const removeMediator: Slice = {
  controllers: [RemoveMediatorController],
  providers: [RemoveMediatorHandler],
};
