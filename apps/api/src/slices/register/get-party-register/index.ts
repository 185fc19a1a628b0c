import type { Slice } from '../../slice';
import { GetPartyRegisterController } from './get-party-register.controller';

export const getPartyRegister: Slice = { controllers: [GetPartyRegisterController] };
