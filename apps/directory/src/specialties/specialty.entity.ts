import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A specialty counselors may list; seeded by migrations. */
@Entity({ name: 'specialties' })
export class SpecialtyEntity {
  @PrimaryColumn('text')
  slug: string;

  @Column('text')
  name: string;
}
