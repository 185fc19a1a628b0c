import type { Slice } from '../../slice';
import { CommendationReportController } from './commendation-report.controller';

export const commendationReport: Slice = { controllers: [CommendationReportController] };
