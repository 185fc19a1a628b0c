import type { Slice } from '../../slice';
import { RecordFollowUpController } from './record-follow-up.controller';
import { RecordFollowUpHandler } from './record-follow-up.handler';

export const recordFollowUp: Slice = {
  controllers: [RecordFollowUpController],
  providers: [RecordFollowUpHandler],
};
