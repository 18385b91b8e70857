import { ACCOUNTS_LIMITS as L } from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsIanaTimeZone } from '../../common/dto/validators';
import { IsEmailAddress, IsPhoneNumber } from './validators';

export class RegisterDto {
  @ApiProperty({ example: 'asha@example.com', description: 'Unique, compared case-insensitively' })
  @IsEmailAddress()
  email: string;

  @ApiProperty({ minLength: L.minPasswordLength, maxLength: L.maxPasswordLength, example: 'correct horse battery' })
  @IsString({ message: 'must be a string' })
  @MinLength(L.minPasswordLength, { message: `must be at least ${L.minPasswordLength} characters` })
  @MaxLength(L.maxPasswordLength, { message: `must be at most ${L.maxPasswordLength} characters` })
  password: string;

  @ApiProperty({ example: 'Asha Rao', maxLength: L.maxNameLength })
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(L.maxNameLength, { message: `must be at most ${L.maxNameLength} characters` })
  name: string;

  @ApiPropertyOptional({ example: '+919876543210', description: 'International format, starting with +' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsPhoneNumber()
  phone?: string;

  @ApiPropertyOptional({ example: 'Asia/Kolkata', default: 'Asia/Kolkata', description: 'IANA time zone' })
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string;
}

export class LoginDto {
  @ApiProperty({ format: 'email', example: 'asha@example.com', maxLength: L.maxEmailLength })
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(L.maxEmailLength, { message: `must be at most ${L.maxEmailLength} characters` })
  email: string;

  @ApiProperty()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(L.maxPasswordLength, { message: `must be at most ${L.maxPasswordLength} characters` })
  password: string;
}

/** Refresh and logout: the web app sends no token in the body, the gateway reads its refresh cookie. */
export class RefreshTokenDto {
  @ApiPropertyOptional({
    description:
      'The refresh token from the last login or refresh; required unless the web app’s refresh cookie is sent',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(L.maxTokenLength, { message: `must be at most ${L.maxTokenLength} characters` })
  refreshToken?: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'asha@example.com' })
  @IsEmailAddress()
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the reset link' })
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(L.maxTokenLength, { message: `must be at most ${L.maxTokenLength} characters` })
  token: string;

  @ApiProperty({ minLength: L.minPasswordLength, maxLength: L.maxPasswordLength })
  @IsString({ message: 'must be a string' })
  @MinLength(L.minPasswordLength, { message: `must be at least ${L.minPasswordLength} characters` })
  @MaxLength(L.maxPasswordLength, { message: `must be at most ${L.maxPasswordLength} characters` })
  password: string;
}
