import { EventIdConflictError, type ExpectedRevision, WrongExpectedRevisionError } from '../event-store';
import type { AppendRequest, WireOutcome } from './ledger-writer';

/*
 * What crosses between the store and its writer thread: plain data only (structured clone).
 */

/** An error as it crosses threads: the store's own errors keep their fields, others their type and message. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: unknown;
  readonly streamId?: string;
  readonly expected?: ExpectedRevision;
  readonly actual?: number | 'no_stream';
  readonly eventId?: string;
}

export type WriterCommand =
  | { readonly type: 'open'; readonly store: number; readonly file: string; readonly busyTimeoutMs: number }
  | {
      readonly type: 'commit';
      readonly store: number;
      readonly nowMs: number;
      readonly batch: readonly AppendRequest[];
    }
  | { readonly type: 'close'; readonly store: number };

export type WriterRequest = WriterCommand & { readonly id: number };

export interface WriterReply {
  readonly id: number;
  readonly outcomes?: WireOutcome[];
  readonly error?: WireError;
}

/** Tells the worker file it runs as this writer, not imported by something else. */
export const WRITER_ROLE = 'accord-sqlite-writer';

export function toWire(error: unknown): WireError {
  if (error instanceof WrongExpectedRevisionError) {
    const { name, message, streamId, expected, actual } = error;
    return { name, message, streamId, expected, actual };
  }
  if (error instanceof EventIdConflictError) {
    const { name, message, eventId, streamId } = error;
    return { name, message, eventId, streamId };
  }
  if (error instanceof Error) {
    const { name, message, stack } = error;
    return { name, message, stack, code: (error as { code?: unknown }).code };
  }
  return { name: 'Error', message: String(error) };
}

export function fromWire(wire: WireError): Error {
  if (wire.name === 'WrongExpectedRevisionError')
    return new WrongExpectedRevisionError(wire.streamId!, wire.expected!, wire.actual!);
  if (wire.name === 'EventIdConflictError') return new EventIdConflictError(wire.eventId!, wire.streamId!);
  const Kind = wire.name === 'TypeError' ? TypeError : wire.name === 'RangeError' ? RangeError : Error;
  const error = new Kind(wire.message);
  if (Kind === Error) error.name = wire.name;
  if (wire.stack !== undefined) error.stack = wire.stack;
  if (wire.code !== undefined) Object.assign(error, { code: wire.code });
  return error;
}

/** Each request that cannot be cloned to the thread (a function, a symbol in its events) becomes its own failure. */
export function isolateUncloneable(requests: (AppendRequest | Error)[]): (AppendRequest | Error)[] {
  return requests.map((request) => {
    if (request instanceof Error) return request;
    try {
      structuredClone(request);
      return request;
    } catch (error) {
      return new TypeError(`append to ${request.streamId}: events must be plain data (${String(error)})`);
    }
  });
}
