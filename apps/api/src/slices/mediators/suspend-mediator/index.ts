import type { Slice } from '../../slice';
import { SuspendMediatorController } from './suspend-mediator.controller';
import { SuspendMediatorHandler } from './suspend-mediator.handler';

export const suspendMediator: Slice = {
  controllers: [SuspendMediatorController],
  providers: [SuspendMediatorHandler],
};
