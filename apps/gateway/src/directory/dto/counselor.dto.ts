import {
  COUNSELOR_STATUSES,
  type CounselorStatus,
  type CounselorSearchPage,
  type CounselorView,
  DIRECTORY_LIMITS as L,
  ISO_639_1_CODES,
  OFFERING_MODES,
  type OfferingMode,
  type OfferingView,
  type ReviewView,
  SEARCH_COUNTED_AHEAD,
  SEARCH_SORTS,
  type SearchSort,
  type SpecialtyView,
} from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto, pageDto } from '../../common/dto/page.dto';
import { IsInstant, IsWholeNumber, OptionalNotNull, QueryWholeNumber, Trim } from '../../common/dto/validators';
import { IsPricePaise, SLUG_PATTERN } from './validators';

export class UpdateProfileDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: L.maxDisplayNameLength })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(2, L.maxDisplayNameLength)
  displayName?: string;

  @ApiPropertyOptional({ maxLength: L.maxBioLength })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.maxBioLength)
  bio?: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    example: ['en', 'ta'],
    description: 'ISO 639-1 codes, lowercase',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.maxLanguages)
  @IsIn(ISO_639_1_CODES, { each: true, message: '$property must be ISO 639-1 codes in lowercase such as "en"' })
  languages?: string[];

  @ApiPropertyOptional({ type: String, isArray: true, example: ['grief'], description: 'GET /specialties' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.maxSpecialties)
  @IsString({ each: true })
  @Matches(SLUG_PATTERN, { each: true, message: '$property must be specialty slugs such as "anxiety"' })
  @MaxLength(L.maxSpecialtySlugLength, { each: true })
  specialties?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'http(s) URL; null removes the photo' })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: '$property must be an http(s) URL' },
  )
  @MaxLength(L.maxPhotoUrlLength)
  photoUrl?: string | null;
}

export class CreateOfferingDto {
  @ApiProperty({ example: 'Free first chat', maxLength: L.maxOfferingTitleLength })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.maxOfferingTitleLength)
  title: string;

  @ApiProperty({ enum: OFFERING_MODES })
  @IsIn(OFFERING_MODES, { message: `$property must be one of ${OFFERING_MODES.join(', ')}` })
  mode: OfferingMode;

  @ApiProperty({ type: 'integer', minimum: L.minDurationMinutes, maximum: L.maxDurationMinutes, example: 50 })
  @IsWholeNumber({ min: L.minDurationMinutes, max: L.maxDurationMinutes })
  durationMinutes: number;

  @ApiProperty({ description: '0 for free, else at least 100 (Rs 1)', example: 3000 })
  @IsPricePaise()
  pricePaise: number;
}

export class UpdateOfferingDto {
  @ApiPropertyOptional({ maxLength: L.maxOfferingTitleLength })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.maxOfferingTitleLength)
  title?: string;

  @ApiPropertyOptional({ description: '0 for free, else at least 100 (Rs 1); existing bookings keep their price' })
  @OptionalNotNull()
  @IsPricePaise()
  pricePaise?: number;

  @ApiPropertyOptional({ description: 'false hides it from the public and from new bookings' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class SearchCounselorsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Free text over name, bio and specialties', example: 'anxiety work stress' })
  @IsOptional()
  @IsString()
  @MaxLength(L.maxSearchTextLength)
  q?: string;

  @ApiPropertyOptional({ example: 'micro-cheating', description: 'A slug of GET /specialties' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: '$property must be a specialty slug such as "anxiety"' })
  @MaxLength(L.maxSpecialtySlugLength)
  specialty?: string;

  @ApiPropertyOptional({ example: 'hi', description: 'ISO 639-1 code' })
  @IsOptional()
  @IsIn(ISO_639_1_CODES, { message: '$property must be an ISO 639-1 code in lowercase such as "en"' })
  language?: string;

  @ApiPropertyOptional({ enum: OFFERING_MODES, description: 'Has an active offering in this mode' })
  @IsOptional()
  @IsIn(OFFERING_MODES, { message: `$property must be one of ${OFFERING_MODES.join(', ')}` })
  mode?: OfferingMode;

  @ApiPropertyOptional({ description: 'Has an active offering at most this price (with the mode, if given)' })
  @QueryWholeNumber()
  @IsOptional()
  @IsWholeNumber({ min: 0 })
  maxPricePaise?: number;

  @ApiPropertyOptional({
    description: 'Has an open slot starting at or after this instant',
    example: '2026-12-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  availableFrom?: string;

  @ApiPropertyOptional({
    description: `Has an open slot starting before this instant; at most ${L.maxAvailabilityRangeDays} days after availableFrom`,
    example: '2026-12-08T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  availableTo?: string;

  @ApiPropertyOptional({ enum: SEARCH_SORTS, default: 'relevance' })
  @IsOptional()
  @IsIn(SEARCH_SORTS, { message: `$property must be one of ${SEARCH_SORTS.join(', ')}` })
  sort?: SearchSort;
}

export class ReviewsQueryDto extends PageQueryDto {}

/** `offering` of the API. */
export class OfferingDto implements OfferingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) counselorId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: OFFERING_MODES }) mode: OfferingMode;
  @ApiProperty({ type: 'integer', minimum: L.minDurationMinutes, maximum: L.maxDurationMinutes })
  durationMinutes: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: L.maxPricePaise, description: '0 = free' }) pricePaise: number;
  @ApiProperty({ example: 'INR' }) currency: 'INR';
  @ApiProperty() active: boolean;
}

class PublicRegistrationDto {
  @ApiProperty({ example: 'RCI' }) body: string;
}

/** `counselor` of the API: public, so no contact data and no registration number. */
export class CounselorDto implements CounselorView {
  @ApiProperty({ format: 'uuid', description: "The counselor's user id" }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() bio: string;
  @ApiProperty({ type: String, isArray: true, example: ['en', 'hi'] }) languages: string[];
  @ApiProperty({ type: String, isArray: true, example: ['anxiety'] }) specialties: string[];
  @ApiProperty({ type: 'integer', minimum: 0, maximum: L.maxYearsExperience }) yearsExperience: number;
  @ApiProperty({ type: String, isArray: true }) qualifications: string[];
  @ApiProperty({ type: PublicRegistrationDto }) registration: { body: string };
  @ApiProperty({ enum: COUNSELOR_STATUSES }) status: CounselorStatus;
  @ApiProperty({ minimum: 0, maximum: 5, example: 4.5, description: '0–5, one decimal; 0 without reviews' })
  rating: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) reviewCount: number;
  @ApiProperty({ type: OfferingDto, isArray: true, description: 'Active offerings' }) offerings: OfferingDto[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'First open slot; null if none, absent if availability could not be asked',
  })
  nextAvailableAt?: string | null;
  @ApiPropertyOptional() gender?: string;
  @ApiPropertyOptional() photoUrl?: string;
}

export class CounselorPageDto extends pageDto(CounselorDto) implements CounselorSearchPage {
  @ApiProperty({
    description: `False when there are more than \`total\` matches: past ${SEARCH_COUNTED_AHEAD} beyond the page's start they are not counted`,
  })
  totalExact: boolean;
}

export class SpecialtyDto implements SpecialtyView {
  @ApiProperty({ example: 'micro-cheating' }) slug: string;
  @ApiProperty({ example: 'Micro-cheating' }) name: string;
}

export class ReviewDto implements ReviewView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: "The client's first name only" })
  clientName: string | null;
}

export class ReviewPageDto extends pageDto(ReviewDto) {}
