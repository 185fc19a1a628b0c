import type { Slice } from '../../slice';
import { AdmitMediatorController } from './admit-mediator.controller';
import { AdmitMediatorHandler } from './admit-mediator.handler';

export const admitMediator: Slice = {
  controllers: [AdmitMediatorController],
  providers: [AdmitMediatorHandler],
};
