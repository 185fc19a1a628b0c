import type { Slice } from '../../slice';
import { CaseDirectory } from './case-directory';
import { ListCasesController } from './list-cases.controller';

export const listCases: Slice = { controllers: [ListCasesController], providers: [CaseDirectory] };
