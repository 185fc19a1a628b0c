/** Raised by any call on a store after close(); a programming error, never a rule of the Measures. */
export class StoreClosedError extends Error {
  readonly code = 'STORE_CLOSED';
  readonly zh = '事件存储已关闭';
  constructor() {
    super('the event store is closed');
    this.name = 'StoreClosedError';
  }
}

/** The event store's server cannot be reached or cannot serve now (down, not the leader, timed out). */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(readonly reason: string) {
    super(`the event store is unavailable: ${reason}`);
    this.name = 'StoreUnavailableError';
  }

  get zh(): string {
    return `事件存储暂不可用：${this.reason}`;
  }
}

/** The event store's server refused an operation for a reason of its own (access, a deleted stream, size). */
export class StoreRefusedError extends Error {
  readonly code = 'STORE_REFUSED';
  constructor(
    readonly streamId: string,
    readonly reason: string,
  ) {
    super(`the event store refused the operation on ${streamId}: ${reason}`);
    this.name = 'StoreRefusedError';
  }

  get zh(): string {
    return `事件存储拒绝了对 ${this.streamId} 的操作：${this.reason}`;
  }
}
