import type { Slice } from '../../slice';
import { WithdrawFlagController } from './withdraw-flag.controller';
import { WithdrawFlagHandler } from './withdraw-flag.handler';

export const withdrawFlag: Slice = {
  controllers: [WithdrawFlagController],
  providers: [WithdrawFlagHandler],
};
