import type { RpcContract, RpcRequest, RpcRequestOf, RpcResponseOf } from '@haven/contracts';
import { MessagePattern } from '@nestjs/microservices';

/** A method that may answer `C`: it takes C's request (or less) and answers with C's response. */
export type RpcHandlerOf<C> = (request: RpcRequest<RpcRequestOf<C>>) => RpcResponseOf<C> | Promise<RpcResponseOf<C>>;

/**
 * Answers an RPC contract: `@RpcHandler(AccountsRpc.login)` subscribes the method to the contract's
 * pattern, and the compiler checks the method against the contract's request and response types, so a
 * contract change breaks the handler's build as it breaks the caller's (`RpcClient.send`).
 */
export function RpcHandler<C extends RpcContract<unknown, unknown>>(contract: C) {
  const pattern = MessagePattern(contract.pattern);
  return <H extends RpcHandlerOf<C>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>) => {
    pattern(target, key, descriptor);
  };
}
