import { describe, expect, it } from 'vitest';
import { jsonShapeProblem } from './json-shape';

const LIMITS = { maxDepth: 5, maxEntries: 10, maxKeysPerObject: 4, maxArrayLength: 6 };
const check = (text: string | Buffer) => jsonShapeProblem(Buffer.isBuffer(text) ? text : Buffer.from(text), LIMITS);

describe('the raw JSON shape check', () => {
  it('passes ordinary bodies, strings holding brackets and escaped quotes included', () => {
    expect(check('{"a":{"b":[1,2,{"c":"x"}]}}')).toBeUndefined();
    expect(check('{"a":"[[[[[[[[{{{{{{ \\" ]]]"}')).toBeUndefined();
    expect(check('')).toBeUndefined();
  });

  it('stops nesting deeper than the limit, arrays or objects', () => {
    expect(check('[[[[[[1]]]]]]')?.message).toMatch(/nested too deeply \(at most 5 levels\)/);
    expect(check('{"a":{"a":{"a":{"a":{"a":{"a":1}}}}}}')?.message).toMatch(/nested too deeply/);
    expect(check('[[[[1]]]]')).toBeUndefined();
  });

  it('counts members and elements over all levels', () => {
    const objects = Array.from({ length: 4 }, (_, index) => `{"a":${index},"b":1,"c":2}`).join(',');
    expect(check(`[${objects}]`)?.message).toMatch(/too many fields and elements \(at most 10\)/);
    expect(check(`{"a":[1,2,3,4,5],"b":[1,2,3,4,5],"c":[1]}`)?.message).toMatch(/too many fields and elements/);
  });

  it('caps the members of one object, naming it', () => {
    expect(check('{"a":1,"b":2,"c":3,"d":4,"e":5}')?.message).toMatch(
      /^Request body has too many fields \(at most 4\)/,
    );
    expect(check('{"inner":{"a":1,"b":2,"c":3,"d":4,"e":5}}')).toEqual({
      field: 'inner',
      message: 'has too many fields (at most 4)',
    });
  });

  it('caps the elements of one array, naming it', () => {
    expect(check('{"list":[1,2,3,4,5,6,7]}')).toEqual({ field: 'list', message: 'has too many elements (at most 6)' });
    expect(check('[1,2,3,4,5,6,7]')?.message).toBe('Request body has too many elements (at most 6)');
    expect(check('{"list":[1,2,3,4,5,6]}')).toBeUndefined();
  });

  it('names a prototype key, escaped or not, and a key given twice in one object', () => {
    expect(check('{"a":{"__proto__":{}}}')).toEqual({ field: 'a.__proto__', message: 'is not allowed' });
    expect(check('{"list":[{"x":1},{"constructor":1}]}')).toEqual({
      field: 'list[1].constructor',
      message: 'is not allowed',
    });
    expect(check('{"\\u005f_proto__":1}')?.field).toBe('__proto__');
    expect(check('{"a":1,"b":{"a":2},"a":3}')).toEqual({ field: 'a', message: 'is given more than once' });
    expect(check('[{"a":1},{"a":2}]')).toBeUndefined();
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(check(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))?.message).toMatch(/UTF-8/);
  });

  it('reads a megabyte of deep nesting in a few milliseconds', () => {
    const body = Buffer.from('['.repeat(1_000_000));
    const started = performance.now();
    expect(
      jsonShapeProblem(body, { maxDepth: 16, maxEntries: 20_000, maxKeysPerObject: 200, maxArrayLength: 1000 })
        ?.message,
    ).toMatch(/nested too deeply/);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
