import type { Slice } from '../../slice';
import { RequestParticipationController } from './request-participation.controller';
import { RequestParticipationHandler } from './request-participation.handler';

export const requestParticipation: Slice = {
  controllers: [RequestParticipationController],
  providers: [RequestParticipationHandler],
};
