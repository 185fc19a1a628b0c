import type { Slice } from '../../slice';
import { RecordFlagNotificationController } from './record-flag-notification.controller';
import { RecordFlagNotificationHandler } from './record-flag-notification.handler';

export const recordFlagNotification: Slice = {
  controllers: [RecordFlagNotificationController],
  providers: [RecordFlagNotificationHandler],
};
