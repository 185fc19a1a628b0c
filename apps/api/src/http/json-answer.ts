/**
 * An answer whose JSON is already written: the reply serializer sends `json` as it is. Reads of
 * large, immutable states (a case at a revision never changes) keep their serialised form and
 * skip `JSON.stringify` on every request. `revision` still sets the ETag.
 */
export class JsonAnswer {
  constructor(
    readonly json: string,
    readonly revision?: number,
  ) {}

  /** `head` serialised with `tail` appended as its last property (`head` must not hold that key). */
  static withTail(head: Readonly<Record<string, unknown>>, key: string, tailJson: string, revision?: number) {
    return new JsonAnswer(
      `${JSON.stringify(head).slice(0, -1)},${JSON.stringify(key)}:${tailJson}}`,
      revision,
    );
  }
}

/** Fastify's reply serializer for every route: a `JsonAnswer` as written, anything else as JSON. */
export function serializeReply(payload: unknown): string {
  return payload instanceof JsonAnswer ? payload.json : JSON.stringify(payload);
}
