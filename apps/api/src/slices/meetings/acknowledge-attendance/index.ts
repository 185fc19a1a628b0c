import type { Slice } from '../../slice';
import { AcknowledgeAttendanceController } from './acknowledge-attendance.controller';
import { AcknowledgeAttendanceHandler } from './acknowledge-attendance.handler';

export const acknowledgeAttendance: Slice = {
  controllers: [AcknowledgeAttendanceController],
  providers: [AcknowledgeAttendanceHandler],
};
