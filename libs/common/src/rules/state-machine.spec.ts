import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { assertTransition, canTransition, type StateMachine, statesLeadingTo } from './state-machine';

type Letter = 'draft' | 'sent' | 'read';
const LETTERS: StateMachine<Letter> = {
  transitions: { draft: ['sent'], sent: ['read', 'draft'], read: [] },
  refusal: (from, to) => DomainError.conflict('application_changed', `The letter is ${from}; it cannot become ${to}`),
};

describe('state machines', () => {
  it('allow only the listed moves', () => {
    expect(canTransition(LETTERS, 'draft', 'sent')).toBe(true);
    expect(canTransition(LETTERS, 'draft', 'read')).toBe(false);
    expect(canTransition(LETTERS, 'read', 'read')).toBe(false);
  });

  it("answer a refused move with the machine's conflict naming both states", () => {
    expect(() => assertTransition(LETTERS, 'sent', 'read')).not.toThrow();
    expect(() => assertTransition(LETTERS, 'read', 'draft')).toThrow(
      expect.objectContaining({ kind: 'conflict', message: 'The letter is read; it cannot become draft' }),
    );
  });

  it('name the states a target is reached from, for the guarded update', () => {
    expect(statesLeadingTo(LETTERS, 'draft')).toEqual(['sent']);
    expect(statesLeadingTo(LETTERS, 'read')).toEqual(['sent']);
  });
});
