/**
 * An answer whose JSON is already written: the reply serializer sends `json` as it is. Reads of
 * large, immutable states (a case at a revision never changes) keep their serialised form and
 * skip `JSON.stringify` on every request; as bytes, they skip the UTF-8 encoding too. `revision`
 * still sets the ETag.
 */
export class JsonAnswer {
  constructor(
    readonly json: string | Buffer,
    readonly revision?: number,
  ) {}
}

/** Fastify's reply serializer for every route: a `JsonAnswer` as written, anything else as JSON. */
export function serializeReply(payload: unknown): string | Buffer {
  return payload instanceof JsonAnswer ? payload.json : JSON.stringify(payload);
}
