import type { SpecialtyView } from '@haven/contracts';
import { ExpiringValue } from '@haven/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SpecialtyEntity } from './specialty.entity';

/** Specialties change only with a migration; a running service sees a new one within this long. */
export const SPECIALTIES_TTL_MS = 60_000;

@Injectable()
export class SpecialtiesService {
  private readonly all = new ExpiringValue(SPECIALTIES_TTL_MS, async () => {
    const rows = await this.dataSource.manager.find(SpecialtyEntity, { order: { name: 'ASC' } });
    return rows.map((row) => ({ slug: row.slug, name: row.name }));
  });
  private readonly slugSet = new ExpiringValue(
    SPECIALTIES_TTL_MS,
    async () => new Set((await this.all.get()).map((specialty) => specialty.slug)),
  );

  constructor(@InjectDataSource('directory') private readonly dataSource: DataSource) {}

  list(): Promise<SpecialtyView[]> {
    return this.all.get();
  }

  /**
   * The slugs a profile may name. Inside a transaction they are read there (a profile is validated
   * against what its own transaction sees); otherwise from the shared copy every search uses.
   */
  async slugs(manager?: EntityManager): Promise<ReadonlySet<string>> {
    if (!manager) return this.slugSet.get();
    const rows = await manager.find(SpecialtyEntity, { select: { slug: true } });
    return new Set(rows.map((row) => row.slug));
  }
}
