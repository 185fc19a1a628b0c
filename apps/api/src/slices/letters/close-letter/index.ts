import type { Slice } from '../../slice';
import { CloseLetterController } from './close-letter.controller';
import { CloseLetterHandler } from './close-letter.handler';

export const closeLetter: Slice = { controllers: [CloseLetterController], providers: [CloseLetterHandler] };
