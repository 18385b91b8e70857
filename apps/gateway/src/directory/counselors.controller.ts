import {
  type CounselorSearchPage,
  DirectoryRpc,
  type Page,
  type ReviewView,
  type SpecialtyView,
} from '@haven/contracts';
import { ExpiringValue } from '@haven/common';
import { RpcClient } from '@haven/messaging';
import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { CounselorProfileCache } from './counselor-profile-cache';
import {
  CounselorDto,
  CounselorPageDto,
  ReviewPageDto,
  ReviewsQueryDto,
  SearchCounselorsQueryDto,
  SpecialtyDto,
} from './dto/counselor.dto';

/** The public directory: search, profiles, reviews. Only active counselors exist here. */
@ApiTags('counselors')
@Controller('counselors')
export class CounselorsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly profiles: CounselorProfileCache,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Search active counselors by text, specialty, language, mode, price and free slots' })
  @ApiOkResponse({ type: CounselorPageDto })
  @ApiBadRequestResponse({ description: 'A bad filter; availableFrom must precede availableTo, at most 31 days' })
  @ApiServiceUnavailableResponse({ description: 'A free-slot window was asked for and availability is unavailable' })
  search(@Query() query: SearchCounselorsQueryDto): Promise<CounselorSearchPage> {
    return this.rpc.send(DirectoryRpc.searchCounselors, { ...query });
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: "An active counselor's public profile with active offerings" })
  @ApiOkResponse({ type: CounselorDto })
  @ApiNotFoundResponse({ description: 'No such active counselor' })
  // The body is the JSON the cache keeps, sent as it is.
  @Header('Content-Type', 'application/json; charset=utf-8')
  get(@Param('id') id: string): Promise<string> {
    return this.profiles.profile(id);
  }

  @Public()
  @Get(':id/reviews')
  @ApiOperation({ summary: "An active counselor's reviews, newest first (clients' first names only)" })
  @ApiOkResponse({ type: ReviewPageDto })
  @ApiNotFoundResponse({ description: 'No such active counselor' })
  reviews(@Param('id') id: string, @Query() query: ReviewsQueryDto): Promise<Page<ReviewView>> {
    return this.rpc.send(DirectoryRpc.listReviews, { counselorId: id, page: query.page, limit: query.limit });
  }
}

/** Specialties change only with a migration of the directory; the gateway asks again after this long. */
const SPECIALTIES_TTL_MS = 60_000;

@ApiTags('counselors')
@Controller('specialties')
export class SpecialtiesController {
  private readonly specialties = new ExpiringValue(SPECIALTIES_TTL_MS, () =>
    this.rpc.send(DirectoryRpc.listSpecialties, {}),
  );

  constructor(private readonly rpc: RpcClient) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Every specialty a counselor may list' })
  @ApiOkResponse({ type: SpecialtyDto, isArray: true })
  list(): Promise<SpecialtyView[]> {
    return this.specialties.get();
  }
}
