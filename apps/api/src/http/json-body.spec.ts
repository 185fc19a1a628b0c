import { ApiError } from './api-error';
import { parseJsonBody } from './json-body';

function refusal(text: string): unknown {
  try {
    parseJsonBody(text);
  } catch (error) {
    return error instanceof ApiError ? error.code : error;
  }
  return undefined;
}

describe('parseJsonBody', () => {
  it('parses an ordinary body as JSON.parse does', () => {
    const text = '{"kind":"HEARING","heldOn":"2024-03-05","agencies":["COURT"],"n":[1,{"x":null}]}';
    expect(parseJsonBody(text)).toEqual(JSON.parse(text));
  });

  it.each([
    ['a plain __proto__ key', '{"a":1,"__proto__":{"polluted":true}}'],
    ['a nested constructor key', '{"a":{"constructor":{"prototype":{"x":1}}}}'],
    ['a key spelled with escapes', '{"a":1,"\\u005f_proto__":{"polluted":true}}'],
    ['an escaped prototype key', '{"\\u0070rototype":1}'],
  ])('refuses %s', (_name, text) => {
    expect(refusal(text)).toBe('MALFORMED_BODY');
  });

  it('lets those words through as values, and escapes that spell no forbidden key', () => {
    expect(parseJsonBody('{"matter":"the constructor of the __proto__ road"}')).toEqual({
      matter: 'the constructor of the __proto__ road',
    });
    expect(parseJsonBody('{"name":"\\u738b\\u67d0"}')).toEqual({ name: '王某' });
  });

  it('refuses empty, malformed and too deeply nested bodies', () => {
    expect(refusal('')).toBe('MALFORMED_BODY');
    expect(refusal('{"a":')).toBe('MALFORMED_BODY');
    expect(refusal(`${'['.repeat(40)}${']'.repeat(40)}`)).toBe('MALFORMED_BODY');
  });
});
