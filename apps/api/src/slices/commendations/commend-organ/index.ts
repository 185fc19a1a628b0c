import type { Slice } from '../../slice';
import { CommendOrganController } from './commend-organ.controller';
import { CommendOrganHandler } from './commend-organ.handler';

export const commendOrgan: Slice = {
  controllers: [CommendOrganController],
  providers: [CommendOrganHandler],
};
