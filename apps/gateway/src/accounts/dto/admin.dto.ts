import { ACCOUNTS_LIMITS as L, type AuditLogEntryView, ROLES, type Role } from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto, pageDto } from '../../common/dto/page.dto';
import { EmptyAsAbsent } from '../../common/dto/validators';

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the e-mail address or name (case-insensitive)' })
  @EmptyAsAbsent()
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(L.maxUserSearchLength, { message: `must be at most ${L.maxUserSearchLength} characters` })
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @EmptyAsAbsent()
  @IsOptional()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;
}

export class UpdateUserDto {
  @ApiPropertyOptional({
    enum: ['finance', 'admin'],
    isArray: true,
    description:
      'The admin-grantable roles the user should hold (finance, admin). `client` always stays; `counselor` comes from vetting and is kept.',
    example: ['finance'],
  })
  @IsOptional()
  @IsArray({ message: 'must be an array of roles' })
  @ArrayMaxSize(ROLES.length * 2, { message: 'has too many entries' })
  @IsIn(ROLES, { each: true, message: `each entry must be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'false deactivates the account and ends its sessions' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;
}

export class AuditLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @EmptyAsAbsent()
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id (UUID)' })
  actorId?: string;

  @ApiPropertyOptional({ example: 'user.roles-changed' })
  @EmptyAsAbsent()
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(L.maxAuditActionLength, { message: `must be at most ${L.maxAuditActionLength} characters` })
  action?: string;
}

export class AuditLogEntryDto implements AuditLogEntryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the platform itself' })
  actorId: string | null;

  @ApiProperty({ example: 'user.roles-changed' })
  action: string;

  @ApiProperty({ example: 'user' })
  targetType: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The id of the target (a UUID for users and applications)',
  })
  targetId: string | null;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  detail: Record<string, unknown>;
}

export class AuditLogPageDto extends pageDto(AuditLogEntryDto) {}
