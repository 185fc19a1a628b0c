import type { Slice } from '../../slice';
import { RecordRiskFindingController } from './record-risk-finding.controller';
import { RecordRiskFindingHandler } from './record-risk-finding.handler';

export const recordRiskFinding: Slice = {
  controllers: [RecordRiskFindingController],
  providers: [RecordRiskFindingHandler],
};
