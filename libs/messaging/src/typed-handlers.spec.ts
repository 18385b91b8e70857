import {
  AccountsRpc,
  type AuthSession,
  BookingEvents,
  type BookingConfirmedData,
  type EventEnvelope,
  type LoginRequest,
  type RegisterRequest,
  type RpcRequest,
} from '@haven/contracts';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { describe, expect, it } from 'vitest';
import { eventTypesHandledBy, OnEvent } from './events/on-event.decorator';
import type { RpcClient } from './rpc/rpc-client';
import { RpcHandler } from './rpc/rpc-handler.decorator';

declare const session: AuthSession;

class LoginController {
  @RpcHandler(AccountsRpc.login)
  login(request: RpcRequest<LoginRequest>): Promise<AuthSession> {
    return Promise.resolve({ ...session, user: { ...session.user, email: request.body.email } });
  }
}

class BookingEventsController {
  @OnEvent(BookingEvents.confirmed)
  confirmed(event: EventEnvelope<BookingConfirmedData>): void {
    void event.data.bookingId;
  }
}

describe('typed handlers', () => {
  it('subscribe the method to the contract’s pattern', () => {
    expect(Reflect.getMetadata(PATTERN_METADATA, LoginController.prototype.login)).toEqual([AccountsRpc.login.pattern]);
    expect(eventTypesHandledBy({ controllers: [BookingEventsController] })).toEqual([BookingEvents.confirmed.type]);
  });

  it('do not compile when the method disagrees with the contract (checked by npm run typecheck)', () => {
    class Mismatched {
      // @ts-expect-error the handler needs a name that login's request does not carry
      @RpcHandler(AccountsRpc.login)
      login(request: RpcRequest<RegisterRequest>): Promise<AuthSession> {
        return Promise.resolve({ ...session, user: { ...session.user, name: request.body.name } });
      }

      // @ts-expect-error login answers with a session, not with nothing
      @RpcHandler(AccountsRpc.login)
      async loginWithoutAnswer(request: RpcRequest<LoginRequest>): Promise<void> {
        void request;
      }

      // @ts-expect-error a confirmed booking carries no refund
      @OnEvent(BookingEvents.confirmed)
      confirmed(event: EventEnvelope<{ refundId: string }>): void {
        void event;
      }
    }
    const callers = (client: RpcClient) => [
      // @ts-expect-error login's request needs a password
      client.send(AccountsRpc.login, { email: 'a@example.com' }),
      client.send(AccountsRpc.login, { email: 'a@example.com', password: 'correct horse battery' }),
    ];
    expect(Mismatched).toBeTypeOf('function');
    expect(callers).toBeTypeOf('function');
  });
});
