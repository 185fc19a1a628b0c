import type { Slice } from '../../slice';
import { RecordConsentController } from './record-consent.controller';
import { RecordConsentHandler } from './record-consent.handler';

export const recordConsent: Slice = {
  controllers: [RecordConsentController],
  providers: [RecordConsentHandler],
};
