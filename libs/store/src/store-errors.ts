/** Raised by any call on a store after close(); a programming error, never a rule of the Measures. */
export class StoreClosedError extends Error {
  readonly code = 'STORE_CLOSED';
  readonly zh = '事件存储已关闭';
  constructor() {
    super('the event store is closed');
    this.name = 'StoreClosedError';
  }
}
