import type { Slice } from '../../slice';
import { RecordActivityController } from './record-activity.controller';
import { RecordActivityHandler } from './record-activity.handler';

export const recordActivity: Slice = {
  controllers: [RecordActivityController],
  providers: [RecordActivityHandler],
};
