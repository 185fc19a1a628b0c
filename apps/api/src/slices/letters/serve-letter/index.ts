import type { Slice } from '../../slice';
import { ServeLetterController } from './serve-letter.controller';
import { ServeLetterHandler } from './serve-letter.handler';

export const serveLetter: Slice = { controllers: [ServeLetterController], providers: [ServeLetterHandler] };
