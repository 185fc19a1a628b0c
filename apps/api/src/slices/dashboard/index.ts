import type { Slice } from '../slice';
import { DashboardController } from './dashboard.controller';

export const dashboard: Slice = { controllers: [DashboardController] };
