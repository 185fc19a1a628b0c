import type { Slice } from '../../slice';
import { DesignateLiaisonController } from './designate-liaison.controller';
import { DesignateLiaisonHandler } from './designate-liaison.handler';

export const designateLiaison: Slice = {
  controllers: [DesignateLiaisonController],
  providers: [DesignateLiaisonHandler],
};
