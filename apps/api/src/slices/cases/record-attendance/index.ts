import type { Slice } from '../../slice';
import { RecordAttendanceController } from './record-attendance.controller';
import { RecordAttendanceHandler } from './record-attendance.handler';

export const recordAttendance: Slice = {
  controllers: [RecordAttendanceController],
  providers: [RecordAttendanceHandler],
};
