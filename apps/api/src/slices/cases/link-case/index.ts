import type { Slice } from '../../slice';
import { LinkCaseController } from './link-case.controller';
import { LinkCaseHandler } from './link-case.handler';

export const linkCase: Slice = { controllers: [LinkCaseController], providers: [LinkCaseHandler] };
