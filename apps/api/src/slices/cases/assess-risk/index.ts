import type { Slice } from '../../slice';
import { AssessRiskController } from './assess-risk.controller';
import { AssessRiskHandler } from './assess-risk.handler';

export const assessRisk: Slice = { controllers: [AssessRiskController], providers: [AssessRiskHandler] };
