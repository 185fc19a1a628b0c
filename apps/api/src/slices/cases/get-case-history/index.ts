import type { Slice } from '../../slice';
import { GetCaseHistoryController } from './get-case-history.controller';

export const getCaseHistory: Slice = { controllers: [GetCaseHistoryController] };
