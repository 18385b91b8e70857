import { describe, expect, it } from 'vitest';
import { pathProblem, queryStringProblem } from './text-check';

describe('query string and path checks', () => {
  it('passes ordinary queries, + as space and encoded UTF-8 included', () => {
    expect(queryStringProblem('q=work+stress&page=2&language=hi&q2=%E0%A4%86')).toBeUndefined();
    expect(queryStringProblem('')).toBeUndefined();
  });

  it('names a parameter with bad percent-encoding, an encoded surrogate or a control character', () => {
    expect(queryStringProblem('q=%zz')).toEqual({ field: 'q', message: 'is not valid percent-encoded UTF-8' });
    expect(queryStringProblem('q=%ED%A0%80')?.field).toBe('q');
    expect(queryStringProblem('action=a%00b')?.message).toMatch(/control characters/);
    expect(queryStringProblem('%zz=1')?.field).toBe('query');
    expect(queryStringProblem('=1')?.message).toMatch(/without a name/);
  });

  it('refuses a parameter given twice', () => {
    expect(queryStringProblem('q=a&page=1&q=b')).toEqual({ field: 'q', message: 'must be given once' });
  });

  it('checks each path segment', () => {
    expect(pathProblem('/api/v1/counselors/8a0b4a4e-0000-4000-8000-000000000000')).toBeUndefined();
    expect(pathProblem('/api/v1/counselors/%zz')).toMatch(/percent-encoded/);
    expect(pathProblem('/api/v1/counselors/a%00b')).toMatch(/control characters/);
    expect(pathProblem('/api/v1/counselors/%E2%80%AE')).toMatch(/control characters/);
  });
});
