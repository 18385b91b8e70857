import type { SpecialtyView } from '@haven/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SpecialtyEntity } from './specialty.entity';

@Injectable()
export class SpecialtiesService {
  constructor(@InjectDataSource('directory') private readonly dataSource: DataSource) {}

  async list(): Promise<SpecialtyView[]> {
    const rows = await this.dataSource.manager.find(SpecialtyEntity, { order: { name: 'ASC' } });
    return rows.map((row) => ({ slug: row.slug, name: row.name }));
  }

  /** The slugs a profile may name (a handful of rows; read fresh so a new migration is seen at once). */
  async slugs(manager: EntityManager = this.dataSource.manager): Promise<ReadonlySet<string>> {
    const rows = await manager.find(SpecialtyEntity, { select: { slug: true } });
    return new Set(rows.map((row) => row.slug));
  }
}
