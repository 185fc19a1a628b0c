/**
 * The API's own refusals (identity, protocol, edges). Rules of the Measures are `RuleError`s from
 * libs/domain; both become RFC 7807 problems in one place (`problem.ts`). Business code never
 * builds an HTTP status: it throws one of these codes.
 */
export interface ApiErrorSpec {
  readonly status: number;
  readonly article?: string;
  readonly en: string;
  readonly zh: string;
}

export const API_ERRORS = {
  UNAUTHENTICATED: {
    status: 401,
    en: 'A valid bearer token is required.',
    zh: '需要有效的访问令牌。',
  },
  TOKEN_EXPIRED: {
    status: 401,
    en: 'The bearer token has expired.',
    zh: '访问令牌已过期。',
  },
  ROLE_NOT_FOR_HOLDER: {
    status: 403,
    article: 'Art 8, Art 17',
    en: 'The token grants a role its holder may not hold: an administrative organ only answers the letters addressed to it.',
    zh: '令牌授予了持有者不得担任的角色：行政机关只能对向其发出的建议书作出回复。',
  },
  ROLE_FORBIDDEN: {
    status: 403,
    en: 'Your role does not allow this act.',
    zh: '您的角色无权执行此操作。',
  },
  VALIDATION_FAILED: {
    status: 400,
    en: 'The request is not valid.',
    zh: '请求内容不符合要求。',
  },
  INVALID_ID: {
    status: 400,
    en: 'An identifier in the path is malformed.',
    zh: '路径中的标识符格式不正确。',
  },
  INVALID_QUERY: {
    status: 400,
    en: 'A query parameter is malformed.',
    zh: '查询参数格式不正确。',
  },
  MALFORMED_BODY: {
    status: 400,
    en: 'The request body could not be parsed.',
    zh: '无法解析请求正文。',
  },
  BODY_TOO_LARGE: {
    status: 413,
    en: 'The request body is too large.',
    zh: '请求正文过大。',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    en: 'Send the request body as application/json.',
    zh: '请求正文须为 application/json。',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    en: 'There is no such resource.',
    zh: '没有该资源。',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    en: 'This method is not allowed here.',
    zh: '此处不允许该请求方法。',
  },
  IF_MATCH_INVALID: {
    status: 400,
    en: 'If-Match must be a stream revision, e.g. "3".',
    zh: 'If-Match 须为流版本号，例如 "3"。',
  },
  REVISION_STALE: {
    status: 412,
    en: 'The resource has changed since the revision given in If-Match.',
    zh: '自 If-Match 所给版本以来，该资源已被修改。',
  },
  VERSION_CONFLICT: {
    status: 409,
    en: 'The resource kept changing while this act was being recorded; try again.',
    zh: '记录此操作期间该资源持续变化，请重试。',
  },
  EVENT_ID_CONFLICT: {
    status: 409,
    en: 'This command was already recorded elsewhere in the ledger.',
    zh: '此命令已在账本其他位置记录。',
  },
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    en: 'Idempotency-Key must be 1 to 255 visible ASCII characters.',
    zh: 'Idempotency-Key 须为 1 至 255 个可见 ASCII 字符。',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    en: 'This Idempotency-Key was already used for a different request.',
    zh: '此 Idempotency-Key 已用于另一个不同的请求。',
  },
  IDEMPOTENCY_KEY_IN_FLIGHT: {
    status: 409,
    en: 'A request with this Idempotency-Key is still being processed.',
    zh: '使用此 Idempotency-Key 的请求仍在处理中。',
  },
  RATE_LIMITED: {
    status: 429,
    en: 'Too many requests; retry after the time given in Retry-After.',
    zh: '请求过多，请在 Retry-After 所示时间后重试。',
  },
  NOT_READY: {
    status: 503,
    en: 'The ledger is not ready.',
    zh: '账本尚未就绪。',
  },
  CHECKPOINT_NOT_FOUND: {
    status: 404,
    article: 'Art 17',
    en: 'No checkpoint has been co-signed yet.',
    zh: '尚无经各机关共同签署的检查点。',
  },
  LEDGER_POSITION_NOT_FOUND: {
    status: 404,
    article: 'Art 17',
    en: 'There is no event at this position that you may see.',
    zh: '该位置没有您可查看的事件。',
  },
  PROOF_RANGE_INVALID: {
    status: 422,
    en: 'The tree sizes asked for do not fit the log.',
    zh: '所请求的树大小与账本不符。',
  },
  READ_MODEL_BEHIND: {
    status: 503,
    en: 'The read model has not reached the log position asked for (minPosition); retry shortly.',
    zh: '读模型尚未追上所要求的日志位置（minPosition），请稍后重试。',
  },
  STORE_UNAVAILABLE: {
    status: 503,
    en: 'The ledger cannot be reached right now; nothing was changed by this request. Retry shortly.',
    zh: '账本暂时无法访问，本次请求未作任何更改，请稍后重试。',
  },
  STORE_REFUSED: {
    status: 503,
    en: 'The ledger refused the operation for a reason of its own (access, size); the operator is told. Retry later.',
    zh: '账本因自身原因（权限、大小等）拒绝了该操作，已通知运维人员，请稍后重试。',
  },
  READ_STORE_UNAVAILABLE: {
    status: 503,
    en: 'The read models cannot be reached right now; retry shortly.',
    zh: '读模型暂时无法访问，请稍后重试。',
  },
  INTERNAL_ERROR: {
    status: 500,
    en: 'Something went wrong on our side; the incident is logged with your correlation id.',
    zh: '服务器内部错误，已按您的关联编号记录。',
  },
} as const satisfies Record<string, ApiErrorSpec>;

export type ApiErrorCode = keyof typeof API_ERRORS;

type Extensions = Readonly<Record<string, unknown>>;

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    /**
     * Extension members of the problem body (e.g. field `errors`); safe to show to the caller. A
     * function receives the reader's language.
     */
    readonly extensions: Extensions | ((language: 'en' | 'zh') => Extensions) = {},
  ) {
    super(`${code}: ${API_ERRORS[code].en}`);
    this.name = 'ApiError';
  }

  get spec(): ApiErrorSpec {
    return API_ERRORS[this.code];
  }
}
