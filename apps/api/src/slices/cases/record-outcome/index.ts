import type { Slice } from '../../slice';
import { RecordOutcomeController } from './record-outcome.controller';
import { RecordOutcomeHandler } from './record-outcome.handler';

export const recordOutcome: Slice = {
  controllers: [RecordOutcomeController],
  providers: [RecordOutcomeHandler],
};
