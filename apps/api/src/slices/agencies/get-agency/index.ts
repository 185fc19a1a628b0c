import type { Slice } from '../../slice';
import { GetAgencyController } from './get-agency.controller';

export const getAgency: Slice = { controllers: [GetAgencyController] };
