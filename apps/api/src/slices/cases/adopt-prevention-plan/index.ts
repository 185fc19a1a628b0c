import type { Slice } from '../../slice';
import { AdoptPreventionPlanController } from './adopt-prevention-plan.controller';
import { AdoptPreventionPlanHandler } from './adopt-prevention-plan.handler';

export const adoptPreventionPlan: Slice = {
  controllers: [AdoptPreventionPlanController],
  providers: [AdoptPreventionPlanHandler],
};
