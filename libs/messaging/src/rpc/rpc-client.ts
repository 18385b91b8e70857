import {
  type Actor,
  isRpcErrorPayload,
  type RpcContract,
  type RpcRequest,
  SERVICE_NAMES,
  type ServiceName,
} from '@haven/contracts';
import { currentCorrelationId, DomainError } from '@haven/common';
import { Logger } from '@nestjs/common';
import { ClientRMQ, RmqRecordBuilder } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { lastValueFrom, race, Subject, switchMap, throwError, timeout, TimeoutError } from 'rxjs';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { reportChannelErrors } from '../channel-errors';
import { rpcQueueOptions } from '../topology';

/** The service did not answer in time (HTTP 504 at the edge). */
export class RpcTimeoutError extends Error {
  constructor(
    readonly service: ServiceName,
    readonly pattern: string,
  ) {
    super(`${service} did not answer ${pattern} in time`);
    this.name = 'RpcTimeoutError';
  }
}

/** The broker could not be reached to ask the service (HTTP 503 at the edge). */
export class RpcUnavailableError extends Error {
  constructor(
    readonly service: ServiceName,
    cause: unknown,
  ) {
    super(`${service} is unreachable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RpcUnavailableError';
  }
}

const CALLER_STOPPING = 'the caller is shutting down and stopped waiting';

/** Nest's RabbitMQ client, whose channel setup cut short by an outage is logged, not a crash. */
class ResilientClientRMQ extends ClientRMQ {
  override createClient(): AmqpConnectionManager {
    return reportChannelErrors(super.createClient(), (line) => this.logger.warn(`RPC client: ${line}`));
  }
}

export interface RpcSendOptions {
  actor?: Actor;
  timeoutMs?: number;
}

/**
 * Request/reply to the services over RabbitMQ. Each request expires in the queue when its caller
 * stops waiting, and carries that deadline, so a service never starts work nobody awaits (after an
 * outage, or a redelivery). Each carries its own id too, which makes creating requests safe to
 * redeliver (`RpcRequestLedger`).
 */
export class RpcClient {
  private readonly logger = new Logger(RpcClient.name);
  private readonly clients = new Map<ServiceName, ClientRMQ>();
  private readonly abandoned = new Subject<void>();
  private abandoning = false;

  constructor(
    url: string,
    private readonly defaultTimeoutMs: number,
  ) {
    for (const service of SERVICE_NAMES)
      this.clients.set(service, new ResilientClientRMQ(rpcQueueOptions(url, service)));
  }

  /** The body is checked against the contract, never inferred from it. */
  async send<TRequest, TResponse>(
    contract: RpcContract<TRequest, TResponse>,
    body: NoInfer<TRequest>,
    options: RpcSendOptions = {},
  ): Promise<TResponse> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const correlationId = currentCorrelationId() ?? randomUUID();
    const request: RpcRequest<TRequest> = {
      meta: { correlationId, actor: options.actor, requestId: randomUUID(), deadline: Date.now() + timeoutMs },
      body,
    };
    const record = new RmqRecordBuilder(request)
      .setOptions({ expiration: String(timeoutMs), headers: { 'x-correlation-id': correlationId } })
      .build();
    const client = this.clients.get(contract.service)!;
    try {
      if (this.abandoning) throw new Error(CALLER_STOPPING);
      const reply = client.send<TResponse>(contract.pattern, record).pipe(timeout(timeoutMs));
      const abandon = this.abandoned.pipe(switchMap(() => throwError(() => new Error(CALLER_STOPPING))));
      return await lastValueFrom(race(reply, abandon));
    } catch (error) {
      if (isRpcErrorPayload(error)) throw DomainError.fromPayload(error);
      if (error instanceof TimeoutError) throw new RpcTimeoutError(contract.service, contract.pattern);
      this.logger.warn(`RPC ${contract.pattern} to ${contract.service} failed: ${(error as Error)?.message ?? error}`);
      throw new RpcUnavailableError(contract.service, error);
    }
  }

  /**
   * For a process out of time to stop: every call still waiting, and any made after, fails at once as
   * unavailable, so its caller gets an answer it can retry (a 503) instead of a connection cut off. A
   * reply that comes later is dropped; the request it answered was idempotent by its request id.
   */
  abandonWaitingCalls(): void {
    this.abandoning = true;
    this.abandoned.next();
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.close().catch(() => undefined)));
  }
}
