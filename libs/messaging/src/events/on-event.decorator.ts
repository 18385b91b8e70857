import type { EventContract, EventDataOf, EventEnvelope } from '@haven/contracts';
import { EventPattern } from '@nestjs/microservices';

const ON_EVENT_TYPES = Symbol('haven:on-event-types');

/** A method that may consume events of `C`: it takes C's envelope (or less) and settles nothing. */
export type EventHandlerOf<C> = (event: EventEnvelope<EventDataOf<C>>) => void | Promise<void>;

/**
 * Subscribes a handler to an event contract: the handler receives the `EventEnvelope`, and the
 * compiler checks its type against the contract's payload. The queue's binding comes from
 * `EVENT_SUBSCRIPTIONS` in the contracts, which a test keeps equal to the handlers
 * (`eventTypesHandledBy`).
 */
export function OnEvent<C extends EventContract<unknown>>(contract: C) {
  const pattern = EventPattern<string>(contract.type);
  return <H extends EventHandlerOf<C>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ) => {
    const types: string[] = Reflect.getMetadata(ON_EVENT_TYPES, target.constructor) ?? [];
    Reflect.defineMetadata(ON_EVENT_TYPES, [...types, contract.type], target.constructor);
    pattern(target, key, descriptor);
  };
}

/** A module as Nest accepts it: a class carrying `@Module` metadata, or a dynamic module object. */
interface ModuleDefinition {
  module?: object;
  controllers?: object[];
  imports?: unknown[];
}

/** Every event type an `@OnEvent` handler takes in a Nest module tree (its controllers and imports). */
export function eventTypesHandledBy(root: unknown): string[] {
  const seen = new Set<unknown>();
  const types = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || (typeof node !== 'object' && typeof node !== 'function') || seen.has(node)) return;
    seen.add(node);
    const definition = (typeof node === 'function' ? {} : node) as ModuleDefinition;
    const moduleClass = typeof node === 'function' ? node : definition.module;
    const metadata = <T>(key: string): T[] => (moduleClass ? (Reflect.getMetadata(key, moduleClass) ?? []) : []);
    for (const controller of [...(definition.controllers ?? []), ...metadata<object>('controllers')]) {
      for (const type of (Reflect.getMetadata(ON_EVENT_TYPES, controller) as string[] | undefined) ?? []) {
        types.add(type);
      }
    }
    [...(definition.imports ?? []), ...metadata<unknown>('imports')].forEach(visit);
  };
  visit(root);
  return [...types].sort();
}
