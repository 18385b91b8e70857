import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsIanaTimezone, PHONE_PATTERN } from './validators';

export class UpdateMeDto {
  @ApiPropertyOptional({ example: 'Asha Rao', maxLength: 100 })
  @ValidateIf((_, value) => value !== undefined)
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+919876543210', description: 'null removes it' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(PHONE_PATTERN, { message: 'must be an international phone number such as +919876543210' })
  phone?: string | null;

  @ApiPropertyOptional({ example: 'Europe/London', description: 'IANA time zone' })
  @ValidateIf((_, value) => value !== undefined)
  @IsIanaTimezone()
  timezone?: string;
}
