import type { Slice } from '../../slice';
import { DecideContestController } from './decide-contest.controller';
import { DecideContestHandler } from './decide-contest.handler';

export const decideContest: Slice = {
  controllers: [DecideContestController],
  providers: [DecideContestHandler],
};
