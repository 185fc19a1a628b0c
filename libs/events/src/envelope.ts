import type { Actor, Instant } from './event';

/**
 * An event as a writer proposes it to the store. The store assigns `streamId`, `revision`,
 * `recordedAt`, `prevHash`, `hash` and `position` under its expected-revision check, so a chain
 * can never fork.
 */
export interface ProposedEvent<Data = unknown> {
  /** UUID; deterministic where a retry must not duplicate (see `deterministicEventId`). */
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Data;
  /** When the act happened, as stated by the actor. */
  readonly occurredAt: Instant;
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** Version of the Measures' parameters that applied (Art 18). */
  readonly ruleSet: string;
}

/** The part of a stored event that is hashed: everything but `hash` and `position`. */
export interface HashedEnvelope<Data = unknown> extends ProposedEvent<Data> {
  readonly streamId: string;
  /** 0-based within the stream. */
  readonly revision: number;
  /** When the ledger stored it. */
  readonly recordedAt: Instant;
  readonly prevHash: string;
}

export interface RecordedEvent<Data = unknown> extends HashedEnvelope<Data> {
  /** Lowercase hex SHA-256 of the canonical `HashedEnvelope`. */
  readonly hash: string;
  /**
   * Global position in commit order: a positive integer, strictly increasing in commit order,
   * not necessarily contiguous. Assigned by the store at commit, so it is not hashed.
   */
  readonly position: number;
}

/** The fields every envelope carries, in a stable order, for docs and for checks. */
export const ENVELOPE_FIELDS = [
  'eventId',
  'streamId',
  'revision',
  'position',
  'type',
  'schemaVersion',
  'data',
  'occurredAt',
  'recordedAt',
  'actor',
  'commandId',
  'correlationId',
  'causationId',
  'ruleSet',
  'prevHash',
  'hash',
] as const;
