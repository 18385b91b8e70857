import { describe, expect, it } from 'vitest';
import { isMultilineField, textProblem, textProblemIn } from './text';

describe('text rules', () => {
  it('accepts ordinary text in any script, emoji included', () => {
    for (const text of ['Asha Rao', 'आशा राव', 'Évening chat 😊', '']) expect(textProblem(text)).toBeUndefined();
  });

  it('refuses C0, DEL and C1 control characters, and line breaks outside multi-line fields', () => {
    for (const text of ['a\u0000b', 'a\u0007', 'a\u007f', 'a\u0085', 'line\nbreak', 'tab\there', 'a\u2028b']) {
      expect(textProblem(text), JSON.stringify(text)).toMatch(/control characters/);
    }
  });

  it('allows line breaks and tabs, and only those, in multi-line fields', () => {
    expect(textProblem('one\r\ntwo\tthree\u2028four', { multiline: true })).toBeUndefined();
    expect(textProblem('one\u0000', { multiline: true })).toMatch(/other than line breaks/);
  });

  it('refuses lone surrogates and bidirectional overrides', () => {
    expect(textProblem('a\ud800')).toMatch(/well-formed Unicode/);
    expect(textProblem('\udc00a')).toMatch(/well-formed Unicode/);
    expect(textProblem('\ud83d\ude0a')).toBeUndefined();
    expect(textProblem('abc\u202edef')).toMatch(/bidirectional/);
  });

  it('knows multi-line fields by their last name', () => {
    expect(isMultilineField('bio')).toBe(true);
    expect(isMultilineField('overrides[0].note')).toBe(true);
    expect(isMultilineField('reasons[2]')).toBe(false);
    expect(isMultilineField('displayName')).toBe(false);
  });

  it('finds the first bad string of a value, keys included, and names its field', () => {
    expect(textProblemIn({ bio: 'a\nb', qualifications: ['MA', 'M\u0000Phil'] })).toEqual({
      field: 'qualifications[1]',
      message: expect.stringMatching(/control characters/),
    });
    expect(textProblemIn({ registration: { 'bo\u0000dy': 'x' } })?.field).toBe('registration.bo\u0000dy');
    expect(textProblemIn({ ok: 1, list: [true, null, 'fine'] })).toBeUndefined();
  });
});
