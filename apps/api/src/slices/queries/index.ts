import type { Slice } from '../slice';
import { AuditController } from './audit.controller';
import { DeadlinesController } from './deadlines.controller';
import { RegisterAlertsController } from './register-alerts.controller';
import { ReportsController } from './reports.controller';
import { StuckCasesController } from './stuck-cases.controller';

/** Queries on the read models the projector keeps (apps/projector). */
export const QUERY_SLICES: readonly Slice[] = [
  { controllers: [StuckCasesController] },
  { controllers: [DeadlinesController] },
  { controllers: [RegisterAlertsController] },
  { controllers: [AuditController] },
  { controllers: [ReportsController] },
];
