import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's own time zone, copied from accounts events; nothing else about the user is kept. */
@Entity({ name: 'user_zones' })
export class UserZoneEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column('text')
  timezone: string;

  @Column({ name: 'version_at', type: 'timestamptz' })
  versionAt: Date;
}
