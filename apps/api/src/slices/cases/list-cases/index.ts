import type { Slice } from '../../slice';
import { ListCasesController } from './list-cases.controller';

export const listCases: Slice = { controllers: [ListCasesController] };
