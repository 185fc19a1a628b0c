import type { Slice } from '../../slice';
import { RecordLetterResponseController } from './record-letter-response.controller';
import { RecordLetterResponseHandler } from './record-letter-response.handler';

export const recordLetterResponse: Slice = {
  controllers: [RecordLetterResponseController],
  providers: [RecordLetterResponseHandler],
};
