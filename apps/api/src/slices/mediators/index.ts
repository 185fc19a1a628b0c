import type { Slice } from '../slice';
import { admitMediator } from './admit-mediator';
import { getMediator } from './get-mediator';
import { reinstateMediator } from './reinstate-mediator';
import { removeMediator } from './remove-mediator';
import { suspendMediator } from './suspend-mediator';

export const MEDIATOR_SLICES: readonly Slice[] = [
  admitMediator,
  suspendMediator,
  reinstateMediator,
  removeMediator,
  getMediator,
];
