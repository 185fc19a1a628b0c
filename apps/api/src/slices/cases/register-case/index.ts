import type { Slice } from '../../slice';
import { RegisterCaseController } from './register-case.controller';
import { RegisterCaseHandler } from './register-case.handler';

export const registerCase: Slice = {
  controllers: [RegisterCaseController],
  providers: [RegisterCaseHandler],
};
