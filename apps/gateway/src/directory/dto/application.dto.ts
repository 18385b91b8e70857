import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type ApplicationView,
  DIRECTORY_LIMITS as L,
  ISO_639_1_CODES,
} from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto, pageDto } from '../../common/dto/page.dto';
import { IsWholeNumber, Trim, TrimEach } from '../../common/dto/validators';
import { Type } from 'class-transformer';
import { SLUG_PATTERN } from './validators';

export class RegistrationDto {
  @ApiProperty({ example: 'RCI', description: 'Issuing body; shown on the public profile' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.maxRegistrationLength)
  body: string;

  @ApiProperty({ example: 'A12345', description: 'Registration number; never public' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.maxRegistrationLength)
  number: string;
}

export class CreateApplicationDto {
  @ApiProperty({ example: 'Dr. Asha Rao', minLength: 2, maxLength: L.maxDisplayNameLength })
  @Trim()
  @IsString()
  @Length(2, L.maxDisplayNameLength)
  displayName: string;

  @ApiProperty({ example: 'Counselling psychologist helping couples and young adults.', maxLength: L.maxBioLength })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.maxBioLength)
  bio: string;

  @ApiProperty({ type: String, isArray: true, example: ['M.Phil Clinical Psychology'] })
  @TrimEach()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.maxQualifications)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(L.maxQualificationLength, { each: true })
  qualifications: string[];

  @ApiProperty({ type: RegistrationDto })
  @IsObject({ message: 'must be an object with body and number' })
  @ValidateNested()
  @Type(() => RegistrationDto)
  registration: RegistrationDto;

  @ApiProperty({ type: 'integer', example: 8, minimum: 0, maximum: L.maxYearsExperience })
  @IsWholeNumber({ min: 0, max: L.maxYearsExperience })
  yearsExperience: number;

  @ApiProperty({ type: String, isArray: true, example: ['en', 'hi'], description: 'ISO 639-1 codes, lowercase' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.maxLanguages)
  @IsIn(ISO_639_1_CODES, { each: true, message: '$property must be ISO 639-1 codes in lowercase such as "en"' })
  languages: string[];

  @ApiProperty({ type: String, isArray: true, example: ['relationships', 'anxiety'], description: 'GET /specialties' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.maxSpecialties)
  @IsString({ each: true })
  @Matches(SLUG_PATTERN, { each: true, message: '$property must be specialty slugs such as "anxiety"' })
  @MaxLength(L.maxSpecialtySlugLength, { each: true })
  specialties: string[];

  @ApiPropertyOptional({ example: 'female', maxLength: L.maxGenderLength })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.maxGenderLength)
  gender?: string;
}

/**
 * Any of the application's fields; only while changes are requested. (A field sent as null is refused
 * by the directory service, naming it.)
 */
export class UpdateApplicationDto extends PartialType(OmitType(CreateApplicationDto, ['registration'])) {
  // Declared here rather than inherited: the mapped type does not reliably carry `@Type()` across.
  @ApiPropertyOptional({ type: RegistrationDto })
  @IsOptional()
  @IsObject({ message: 'must be an object with body and number' })
  @ValidateNested()
  @Type(() => RegistrationDto)
  registration?: RegistrationDto;
}

export class ApproveApplicationDto {
  @ApiPropertyOptional({ example: 'Verified with RCI', maxLength: L.maxReasonLength })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(L.maxReasonLength)
  note?: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'Registration number could not be verified', maxLength: L.maxReasonLength })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.maxReasonLength)
  reason: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ maxLength: L.maxReasonLength })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(L.maxReasonLength)
  reason?: string;
}

export class ListApplicationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES, { message: `$property must be one of ${APPLICATION_STATUSES.join(', ')}` })
  status?: ApplicationStatus;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this applicant's applications" })
  @IsOptional()
  @IsUUID('all')
  userId?: string;
}

class RegistrationViewDto {
  @ApiProperty({ example: 'RCI' }) body: string;
  @ApiProperty({ example: 'A12345' }) number: string;
}

/** `application` of the API. */
export class ApplicationDto implements ApplicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiPropertyOptional({ description: "The admin's note or reason of the last decision" }) reviewerNote?: string;
  @ApiProperty() displayName: string;
  @ApiProperty() bio: string;
  @ApiProperty({ type: String, isArray: true }) qualifications: string[];
  @ApiProperty({ type: RegistrationViewDto }) registration: RegistrationViewDto;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: L.maxYearsExperience }) yearsExperience: number;
  @ApiProperty({ type: String, isArray: true }) languages: string[];
  @ApiProperty({ type: String, isArray: true }) specialties: string[];
  @ApiPropertyOptional() gender?: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ApplicationPageDto extends pageDto(ApplicationDto) {}
