import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsIanaTimeZone } from '../../common/dto/validators';
import { IsEmailAddress, IsPhoneNumber } from './validators';

const PASSWORD_MIN = 10;
const PASSWORD_MAX = 1024;

export class RegisterDto {
  @ApiProperty({ example: 'asha@example.com', description: 'Unique, compared case-insensitively' })
  @IsEmailAddress()
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, example: 'correct horse battery' })
  @IsString({ message: 'must be a string' })
  @MinLength(PASSWORD_MIN, { message: `must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(PASSWORD_MAX, { message: `must be at most ${PASSWORD_MAX} characters` })
  password: string;

  @ApiProperty({ example: 'Asha Rao', maxLength: 100 })
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
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
  @ApiProperty({ format: 'email', example: 'asha@example.com' })
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(320, { message: 'must be at most 320 characters' })
  email: string;

  @ApiProperty()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(PASSWORD_MAX, { message: `must be at most ${PASSWORD_MAX} characters` })
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
  @MaxLength(512, { message: 'must be at most 512 characters' })
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
  @MaxLength(512, { message: 'must be at most 512 characters' })
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString({ message: 'must be a string' })
  @MinLength(PASSWORD_MIN, { message: `must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(PASSWORD_MAX, { message: `must be at most ${PASSWORD_MAX} characters` })
  password: string;
}
