import type { Slice } from '../../slice';
import { AssignMediatorController } from './assign-mediator.controller';
import { AssignMediatorHandler } from './assign-mediator.handler';

export const assignMediator: Slice = {
  controllers: [AssignMediatorController],
  providers: [AssignMediatorHandler],
};
