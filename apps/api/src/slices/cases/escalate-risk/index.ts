import type { Slice } from '../../slice';
import { EscalateRiskController } from './escalate-risk.controller';
import { EscalateRiskHandler } from './escalate-risk.handler';

export const escalateRisk: Slice = {
  controllers: [EscalateRiskController],
  providers: [EscalateRiskHandler],
};
