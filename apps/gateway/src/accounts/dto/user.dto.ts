import { ROLES, type Role, type UserView } from '@haven/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { pageDto } from '../../common/dto/page.dto';

/** `user` of the API: never a hash. */
export class UserDto implements UserView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'email', example: 'asha@example.com' })
  email: string;

  @ApiProperty({ example: 'Asha Rao' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: '+919876543210' })
  phone: string | null;

  @ApiProperty({ example: 'Asia/Kolkata' })
  timezone: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['client'] })
  roles: Role[];

  @ApiProperty()
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'EdDSA-signed JWT for `Authorization: Bearer`, valid for about 15 minutes' })
  accessToken: string;

  @ApiProperty({ description: 'Opaque and single use: exchange it at /auth/refresh for a new pair' })
  refreshToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ type: 'integer', description: 'Access token lifetime in seconds', example: 900 })
  expiresIn: number;
}

export class AuthSessionDto extends TokenPairDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;
}

export class UserPageDto extends pageDto(UserDto) {}
