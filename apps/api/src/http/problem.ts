import { HttpException } from '@nestjs/common';
import { RuleError, type RuleErrorKind } from '@accord/domain';
import { ReadStoreUnavailableError } from '@accord/read-store';
import {
  EventIdConflictError,
  StoreRefusedError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '@accord/store';
import { ApiError, type ApiErrorCode } from './api-error';

export type Language = 'en' | 'zh';

/** RFC 7807 problem details, with Accord's stable `code` and the `article` a rule enforces. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly article?: string;
  readonly instance: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Business code never knows HTTP: this is the one place a rule's kind becomes a status. */
export const STATUS_OF_KIND: Readonly<Record<RuleErrorKind, number>> = {
  rule: 422,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

const TITLES: Readonly<Record<number, { en: string; zh: string }>> = {
  400: { en: 'Bad Request', zh: '请求错误' },
  401: { en: 'Unauthorized', zh: '未认证' },
  403: { en: 'Forbidden', zh: '禁止访问' },
  404: { en: 'Not Found', zh: '未找到' },
  405: { en: 'Method Not Allowed', zh: '方法不允许' },
  409: { en: 'Conflict', zh: '冲突' },
  412: { en: 'Precondition Failed', zh: '前提条件不满足' },
  413: { en: 'Content Too Large', zh: '请求正文过大' },
  415: { en: 'Unsupported Media Type', zh: '不支持的媒体类型' },
  422: { en: 'Unprocessable Content', zh: '违反规则' },
  429: { en: 'Too Many Requests', zh: '请求过多' },
  500: { en: 'Internal Server Error', zh: '服务器内部错误' },
  503: { en: 'Service Unavailable', zh: '服务不可用' },
};

export function problemType(code: string): string {
  return `urn:accord:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

function titleOf(status: number, language: Language): string {
  const title = TITLES[status] ?? (status >= 500 ? TITLES[500]! : TITLES[400]!);
  return title[language];
}

/** `zh`, `zh-CN`, `zh-Hans;q=0.9` → Chinese; anything else (or nothing) → English. Honours q-values. */
export function languageOf(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return 'en';
  let best: { language: Language; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const language: Language | undefined = tag.startsWith('zh')
      ? 'zh'
      : tag.startsWith('en')
        ? 'en'
        : undefined;
    if (language && (!best || q > best.q)) best = { language, q };
  }
  return best?.language ?? 'en';
}

function fromApiError(error: ApiError, language: Language, instance: string): Problem {
  const { spec } = error;
  return {
    type: problemType(error.code),
    title: titleOf(spec.status, language),
    status: spec.status,
    detail: spec[language],
    code: error.code,
    ...(spec.article ? { article: spec.article } : {}),
    instance,
    ...(typeof error.extensions === 'function' ? error.extensions(language) : error.extensions),
  };
}

function fromRuleError(error: RuleError, language: Language, instance: string): Problem {
  const status = STATUS_OF_KIND[error.kind];
  return {
    type: problemType(error.code),
    title: titleOf(status, language),
    status,
    detail: error.spec[language],
    code: error.code,
    ...(error.article ? { article: error.article } : {}),
    instance,
    ...(Object.keys(error.details).length > 0 ? { details: error.details } : {}),
  };
}

/** Fastify's own refusals (parsing, limits) arrive as errors with a `statusCode` and an `FST_` code. */
function apiErrorOfFrameworkError(error: { statusCode?: number; code?: string }): ApiError {
  const status = error.statusCode ?? 500;
  const codes: Record<number, ApiErrorCode> = {
    400: 'MALFORMED_BODY',
    401: 'UNAUTHENTICATED',
    403: 'ROLE_FORBIDDEN',
    404: 'ROUTE_NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    413: 'BODY_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'RATE_LIMITED',
  };
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new ApiError('UNSUPPORTED_MEDIA_TYPE');
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new ApiError('BODY_TOO_LARGE');
  const mapped = codes[status];
  if (mapped) return new ApiError(mapped);
  // Any other 4xx from the framework is still the caller's input: never let it surface as a 500.
  if (status >= 400 && status < 500) return new ApiError('MALFORMED_BODY');
  return new ApiError('INTERNAL_ERROR');
}

export interface ProblemResult {
  readonly problem: Problem;
  /** Unexpected: log it with its stack; the caller only sees a generic 500. */
  readonly unexpected: boolean;
}

/**
 * Every error the API can meet, mapped once. Unknown errors become a bare 500 with no stack and no
 * message from inside the server.
 */
export function toProblem(error: unknown, language: Language, instance: string): ProblemResult {
  if (error instanceof ProblemException) return { problem: error.problem, unexpected: false };
  if (error instanceof ApiError)
    return { problem: fromApiError(error, language, instance), unexpected: false };
  if (error instanceof RuleError)
    return { problem: fromRuleError(error, language, instance), unexpected: false };
  if (error instanceof WrongExpectedRevisionError) {
    return { problem: fromApiError(new ApiError('VERSION_CONFLICT'), language, instance), unexpected: false };
  }
  if (error instanceof EventIdConflictError) {
    return {
      problem: fromApiError(new ApiError('EVENT_ID_CONFLICT'), language, instance),
      unexpected: false,
    };
  }
  // A store that cannot serve: 503 with the reason in the log only (it may name hosts).
  const unavailable = storeUnavailableCode(error);
  if (unavailable !== undefined)
    return { problem: fromApiError(new ApiError(unavailable), language, instance), unexpected: true };
  if (error instanceof HttpException) {
    const api = apiErrorOfFrameworkError({ statusCode: error.getStatus() });
    return { problem: fromApiError(api, language, instance), unexpected: api.code === 'INTERNAL_ERROR' };
  }
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const api = apiErrorOfFrameworkError(error as { statusCode?: number; code?: string });
    return { problem: fromApiError(api, language, instance), unexpected: api.code === 'INTERNAL_ERROR' };
  }
  return { problem: fromApiError(new ApiError('INTERNAL_ERROR'), language, instance), unexpected: true };
}

function storeUnavailableCode(error: unknown): ApiErrorCode | undefined {
  if (error instanceof StoreUnavailableError) return 'STORE_UNAVAILABLE';
  if (error instanceof StoreRefusedError) return 'STORE_REFUSED';
  if (error instanceof ReadStoreUnavailableError) return 'READ_STORE_UNAVAILABLE';
  return undefined;
}

/** A problem already rendered (an idempotent replay): the filter sends it as it is. */
export class ProblemException extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.code}: ${problem.detail}`);
    this.name = 'ProblemException';
  }
}
