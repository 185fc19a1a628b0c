import type { Slice } from '../../slice';
import { GetCaseController } from './get-case.controller';

export const getCase: Slice = { controllers: [GetCaseController] };
