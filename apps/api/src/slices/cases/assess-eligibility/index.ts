import type { Slice } from '../../slice';
import { AssessEligibilityController } from './assess-eligibility.controller';
import { AssessEligibilityHandler } from './assess-eligibility.handler';

export const assessEligibility: Slice = {
  controllers: [AssessEligibilityController],
  providers: [AssessEligibilityHandler],
};
