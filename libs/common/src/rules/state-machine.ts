import type { DomainError } from '../errors/domain-error';

/**
 * A status workflow as data: for each state, the states it may move to. A service consults it
 * (`assertTransition`) before its guarded `UPDATE … WHERE status = from`, which stays as the race
 * guard, so a move the workflow never allows is answered by the machine, naming both states.
 */
export interface StateMachine<S extends string> {
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  /** The error for a move the machine does not allow (a conflict naming `from` and `to`). */
  refusal(from: S, to: S): DomainError;
}

export function canTransition<S extends string>(machine: StateMachine<S>, from: S, to: S): boolean {
  return machine.transitions[from]?.includes(to) ?? false;
}

/** Throws the machine's refusal unless it allows `from` → `to`. */
export function assertTransition<S extends string>(machine: StateMachine<S>, from: S, to: S): void {
  if (!canTransition(machine, from, to)) throw machine.refusal(from, to);
}

/** The states `to` may be reached from: the `WHERE status IN (…)` of the guarded update. */
export function statesLeadingTo<S extends string>(machine: StateMachine<S>, to: S): S[] {
  return (Object.keys(machine.transitions) as S[]).filter((from) => machine.transitions[from].includes(to));
}
