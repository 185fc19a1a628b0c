import type { Slice } from '../../slice';
import { ReportAbsenceController } from './report-absence.controller';
import { ReportAbsenceHandler } from './report-absence.handler';

export const reportAbsence: Slice = {
  controllers: [ReportAbsenceController],
  providers: [ReportAbsenceHandler],
};
