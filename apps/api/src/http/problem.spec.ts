import { defineErrors } from '@accord/domain';
import { ReadStoreUnavailableError } from '@accord/read-store';
import { StoreRefusedError, StoreUnavailableError } from '@accord/store';
import { languageOf, STATUS_OF_KIND, toProblem } from './problem';

describe('problem mapping', () => {
  it('picks Chinese only when Accept-Language prefers it', () => {
    expect(languageOf(undefined)).toBe('en');
    expect(languageOf('zh')).toBe('zh');
    expect(languageOf('zh-CN,zh;q=0.9')).toBe('zh');
    expect(languageOf('en-US,zh;q=0.5')).toBe('en');
    expect(languageOf('fr, zh-Hans;q=0.8')).toBe('zh');
    expect(languageOf('zh;q=0, en')).toBe('en');
  });

  it('maps each RuleError kind to one status', () => {
    const err = defineErrors({
      T_RULE: { kind: 'rule', article: 'Art 4', en: 'late', zh: '逾期' },
      T_FORBIDDEN: { kind: 'forbidden', en: 'no', zh: '不可' },
      T_NOT_FOUND: { kind: 'not_found', en: 'none', zh: '无' },
      T_CONFLICT: { kind: 'conflict', en: 'twice', zh: '重复' },
    });
    expect(STATUS_OF_KIND).toEqual({ rule: 422, forbidden: 403, not_found: 404, conflict: 409 });
    const rule = toProblem(err('T_RULE', { dueBy: '2024-01-01' }), 'zh', '/x').problem;
    expect(rule).toEqual({
      type: 'urn:accord:problem:t-rule',
      title: '违反规则',
      status: 422,
      detail: '逾期',
      code: 'T_RULE',
      article: 'Art 4',
      instance: '/x',
      details: { dueBy: '2024-01-01' },
    });
    expect(toProblem(err('T_FORBIDDEN'), 'en', '/x').problem.status).toBe(403);
    expect(toProblem(err('T_NOT_FOUND'), 'en', '/x').problem.status).toBe(404);
    expect(toProblem(err('T_CONFLICT'), 'en', '/x').problem.status).toBe(409);
  });

  it('a store that cannot serve is 503 with its code, the reason kept for the log only', () => {
    const cases = [
      [new StoreUnavailableError('ECONNREFUSED db.internal:5432'), 'STORE_UNAVAILABLE'],
      [new StoreRefusedError('case-1', 'access denied for user x'), 'STORE_REFUSED'],
      [new ReadStoreUnavailableError('57P01: terminating connection'), 'READ_STORE_UNAVAILABLE'],
    ] as const;
    for (const [error, code] of cases) {
      const { problem, unexpected } = toProblem(error, 'zh', '/x');
      expect(problem).toMatchObject({ status: 503, code, title: '服务不可用' });
      expect(problem.detail).toMatch(/[\u4e00-\u9fff]/);
      expect(JSON.stringify(problem)).not.toMatch(/db\.internal|access denied|57P01/);
      expect(unexpected).toBe(true);
    }
    expect(toProblem(new StoreRefusedError('case-1', 'x'), 'en', '/x').problem.detail).toBe(
      'The ledger refused the operation for a reason of its own (access, size); the operator is told. Retry later.',
    );
  });

  it('hides unexpected errors behind a bare 500', () => {
    const { problem, unexpected } = toProblem(new Error('secret path /etc/x'), 'en', '/x');
    expect(unexpected).toBe(true);
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret');
  });
});
