import type { Slice } from '../../slice';
import { OpenResolutionController } from './open-resolution.controller';
import { OpenResolutionHandler } from './open-resolution.handler';

export const openResolution: Slice = {
  controllers: [OpenResolutionController],
  providers: [OpenResolutionHandler],
};
