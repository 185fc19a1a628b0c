import type { Slice } from '../../slice';
import { RecordNonSupportDecisionController } from './record-non-support-decision.controller';
import { RecordNonSupportDecisionHandler } from './record-non-support-decision.handler';

export const recordNonSupportDecision: Slice = {
  controllers: [RecordNonSupportDecisionController],
  providers: [RecordNonSupportDecisionHandler],
};
