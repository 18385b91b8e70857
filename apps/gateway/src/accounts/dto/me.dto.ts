import { ACCOUNTS_LIMITS as L } from '@haven/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIanaTimeZone, OptionalNotNull } from '../../common/dto/validators';
import { IsPhoneNumber } from './validators';

export class UpdateMeDto {
  @ApiPropertyOptional({ example: 'Asha Rao', maxLength: L.maxNameLength })
  @OptionalNotNull()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(L.maxNameLength, { message: `must be at most ${L.maxNameLength} characters` })
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+919876543210', description: 'null removes it' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsPhoneNumber()
  phone?: string | null;

  @ApiPropertyOptional({ example: 'Europe/London', description: 'IANA time zone' })
  @OptionalNotNull()
  @IsIanaTimeZone()
  timezone?: string;
}
