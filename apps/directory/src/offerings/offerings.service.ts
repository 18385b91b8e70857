import {
  type Actor,
  DirectoryEvents,
  type OfferingView,
  type RpcMeta,
  type UpdateOfferingRequest,
} from '@haven/contracts';
import { DomainError, isUuid } from '@haven/common';
import { OutboxService, RpcRequestLedger } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CounselorEntity } from '../counselors/counselor.entity';
import { offeringView } from '../counselors/counselor.view';
import { OfferingEntity } from './offering.entity';
import { assertNotSuspended, onlyWithdraws } from '../counselors/suspension-rules';
import { cleanNewOffering, cleanOfferingChanges, offeringCapProblem } from './offering-rules';

/**
 * A counselor's own offerings. Every create and update publishes the whole offering as it now is
 * (`offering.changed`), which is how the booking service keeps its copy.
 */
@Injectable()
export class OfferingsService {
  constructor(
    @InjectDataSource('directory') private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly requests: RpcRequestLedger,
  ) {}

  async listMine(actor: Actor): Promise<OfferingView[]> {
    const rows = await this.dataSource.manager.find(OfferingEntity, {
      where: { counselorId: actor.userId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(offeringView);
  }

  /** Safe to redeliver: a redelivered create answers with the offering it created. */
  async create(actor: Actor, input: unknown, meta?: Partial<RpcMeta>): Promise<OfferingView> {
    const clean = cleanNewOffering(input as never);
    const view = await this.requests.createOnce(meta, {
      replay: async (manager, id) => offeringView(await manager.findOneByOrFail(OfferingEntity, { id })),
      create: async (manager, id) => {
        assertNotSuspended(await this.lockOwnProfile(manager, actor.userId), 'publish offerings');
        this.assertRoom(await this.heldBy(manager, actor.userId), 'new');
        const offering = manager.create(OfferingEntity, {
          id,
          counselorId: actor.userId,
          ...clean,
          currency: 'INR',
          active: true,
        });
        await manager.insert(OfferingEntity, offering);
        return this.publish(manager, offering.id);
      },
    });
    return view;
  }

  async update(actor: Actor, input: Partial<UpdateOfferingRequest> | undefined): Promise<OfferingView> {
    const id = input?.id;
    if (!isUuid(id)) throw DomainError.notFound('offering_not_found');
    const changes = cleanOfferingChanges(input);
    const view = await this.dataSource.transaction(async (manager) => {
      // Another counselor's offering is not found, exactly like one that does not exist.
      const offering = await manager.findOne(OfferingEntity, {
        where: { id, counselorId: actor.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!offering) throw DomainError.notFound('offering_not_found');
      if (!onlyWithdraws(changes)) {
        assertNotSuspended(await this.lockOwnProfile(manager, actor.userId), 'change offerings');
        if (changes.active === true && !offering.active) {
          this.assertRoom(await this.heldBy(manager, actor.userId), 'reactivated');
        }
      }
      if (Object.keys(changes).length > 0) await manager.update(OfferingEntity, { id }, changes);
      return this.publish(manager, id);
    });
    return view;
  }

  /** The offering as committed, and its snapshot event in the same transaction. */
  private async publish(manager: EntityManager, id: string): Promise<OfferingView> {
    const view = offeringView(await manager.findOneByOrFail(OfferingEntity, { id }));
    await this.outbox.add(manager, DirectoryEvents.offeringChanged, { offering: view });
    return view;
  }

  private async heldBy(manager: EntityManager, counselorId: string): Promise<{ active: number; total: number }> {
    const counts = await manager
      .createQueryBuilder(OfferingEntity, 'offering')
      .select('count(*) FILTER (WHERE offering.active)::int', 'active')
      .addSelect('count(*)::int', 'total')
      .where('offering.counselor_id = :counselorId', { counselorId })
      .getRawOne<{ active: number; total: number }>();
    return counts ?? { active: 0, total: 0 };
  }

  private assertRoom(held: { active: number; total: number }, adding: 'new' | 'reactivated'): void {
    const problem = offeringCapProblem(held, adding);
    if (problem) throw DomainError.unprocessable('offering_cap_reached', problem);
  }

  /** Serialises a counselor's offering changes (the caps count what is there), across replicas. */
  private async lockOwnProfile(manager: EntityManager, counselorId: string): Promise<CounselorEntity> {
    const counselor = await manager.findOne(CounselorEntity, {
      where: { id: counselorId },
      lock: { mode: 'pessimistic_write' },
      select: { id: true, status: true },
    });
    if (!counselor) throw DomainError.notFound('counselor_not_found');
    return counselor;
  }
}
