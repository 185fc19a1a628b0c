import type { Slice } from '../../slice';
import { CoordinateReliefController } from './coordinate-relief.controller';
import { CoordinateReliefHandler } from './coordinate-relief.handler';

export const coordinateRelief: Slice = {
  controllers: [CoordinateReliefController],
  providers: [CoordinateReliefHandler],
};
