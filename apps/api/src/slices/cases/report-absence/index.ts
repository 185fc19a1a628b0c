import type { Slice } from '../../slice';
import { GetAbsenceController } from './get-absence.controller';
import { ReportAbsenceController } from './report-absence.controller';
import { ReportAbsenceHandler } from './report-absence.handler';

export const reportAbsence: Slice = {
  controllers: [ReportAbsenceController, GetAbsenceController],
  providers: [ReportAbsenceHandler],
};
