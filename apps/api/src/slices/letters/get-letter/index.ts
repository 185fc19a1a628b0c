import type { Slice } from '../../slice';
import { GetLetterController } from './get-letter.controller';

export const getLetter: Slice = { controllers: [GetLetterController] };
