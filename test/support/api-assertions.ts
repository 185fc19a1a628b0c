import type { Response, Test } from 'supertest';
import type { RuleErrorSpec } from '@accord/domain';
import type { ApiHarness } from './api-harness';

type Headers = Record<string, string>;

/**
 * The two checks every write route gets over HTTP, bound to a suite's harness. The harness is read
 * through a getter because jest builds the describe body before `beforeAll` starts the app.
 */
export function apiAssertions(harness: () => ApiHarness) {
  /**
   * A refused act as problem details naming the rule: the catalogue's English message, then the same
   * request in Chinese with the same code; nothing is written. Returns the English answer.
   */
  async function expectRefusal(
    send: () => Test,
    status: number,
    code: string,
    spec: RuleErrorSpec,
  ): Promise<Response> {
    const h = harness();
    const head = await h.built.store.headPosition();
    const en = await send().expect(status);
    expect(en.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(en.body).toMatchObject({ status, code, detail: spec.en });
    if (spec.article) expect(en.body.article).toBe(spec.article);
    const zh = await send().set('accept-language', 'zh').expect(status);
    expect(zh.body).toMatchObject({ code, detail: spec.zh });
    expect(await h.built.store.headPosition()).toBe(head);
    return en;
  }

  /**
   * A valid `body` without its `required` field, and with one field too many (`unknown`, one key), are
   * each 400 naming exactly that field, in English and Chinese; nothing is written.
   */
  async function expectValidation(
    path: string,
    who: Headers,
    body: Record<string, unknown>,
    required: string,
    unknown: Record<string, unknown> = { extra: true },
  ): Promise<void> {
    const h = harness();
    const [extra] = Object.keys(unknown);
    const head = await h.built.store.headPosition();
    const { [required]: _omitted, ...missing } = body;
    const res = await h.http.post(path).set(who).send(missing).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([required]);
    const zh = await h.http.post(path).set(who).set('accept-language', 'zh').send(missing).expect(400);
    expect(zh.body.detail).toBe('请求内容不符合要求。');
    const more = await h.http
      .post(path)
      .set(who)
      .send({ ...body, ...unknown })
      .expect(400);
    expect(more.body.errors).toEqual([
      expect.objectContaining({ field: extra, constraints: ['whitelistValidation'] }),
    ]);
    expect(await h.built.store.headPosition()).toBe(head);
  }

  return { expectRefusal, expectValidation };
}
