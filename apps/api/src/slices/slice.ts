import type { Provider, Type } from '@nestjs/common';

/** One act of the Measures (or one read) at the HTTP edge: its controller and its command handler. */
export interface Slice {
  readonly controllers: readonly Type<unknown>[];
  /** The command handler, and anything else the slice alone needs. */
  readonly providers?: readonly Provider[];
}
