import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { assertTransition, canTransition, type StateMachine, statesLeadingTo } from './state-machine';

type Light = 'red' | 'green' | 'amber';
const LIGHTS: StateMachine<Light> = {
  transitions: { red: ['green'], green: ['amber'], amber: ['red'] },
  refusal: (from, to) => DomainError.conflict('light_out_of_order', `The light is ${from}; it cannot turn ${to}`),
};

describe('state machines', () => {
  it('allow only the listed moves', () => {
    expect(canTransition(LIGHTS, 'red', 'green')).toBe(true);
    expect(canTransition(LIGHTS, 'red', 'amber')).toBe(false);
    expect(canTransition(LIGHTS, 'green', 'green')).toBe(false);
  });

  it("answer a refused move with the machine's conflict naming both states", () => {
    expect(() => assertTransition(LIGHTS, 'green', 'amber')).not.toThrow();
    expect(() => assertTransition(LIGHTS, 'red', 'amber')).toThrow(
      expect.objectContaining({
        kind: 'conflict',
        code: 'light_out_of_order',
        message: 'The light is red; it cannot turn amber',
      }),
    );
  });

  it('name the states a target is reached from, for the guarded update', () => {
    expect(statesLeadingTo(LIGHTS, 'red')).toEqual(['amber']);
  });
});
