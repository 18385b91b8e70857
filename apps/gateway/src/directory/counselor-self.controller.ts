import {
  type Actor,
  type CounselorView,
  DIRECTORY_LIMITS as L,
  DirectoryRpc,
  type OfferingView,
} from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { CounselorProfileCache } from './counselor-profile-cache';
import { CounselorDto, CreateOfferingDto, OfferingDto, UpdateOfferingDto, UpdateProfileDto } from './dto/counselor.dto';

/**
 * The signed-in counselor's own profile and offerings. Each change also drops this replica's copy
 * of the public profile, so the counselor sees it at once (other replicas hear it announced).
 */
@ApiTags('counselor profile')
@Authenticated()
@Roles('counselor')
@Controller('counselor')
export class CounselorSelfController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly profiles: CounselorProfileCache,
  ) {}

  @Patch('profile')
  @ApiOperation({ summary: 'Edit your public profile' })
  @ApiOkResponse({ type: CounselorDto })
  @ApiBadRequestResponse({ description: 'A bad field, an unknown specialty or language code' })
  async updateProfile(@CurrentActor() actor: Actor, @Body() body: UpdateProfileDto): Promise<CounselorView> {
    const profile = await this.rpc.send(DirectoryRpc.updateMyProfile, body, { actor });
    this.profiles.forget(actor.userId);
    return profile;
  }

  @Get('offerings')
  @ApiOperation({ summary: 'Your offerings, inactive ones included' })
  @ApiOkResponse({ type: OfferingDto, isArray: true })
  listOfferings(@CurrentActor() actor: Actor): Promise<OfferingView[]> {
    return this.rpc.send(DirectoryRpc.listMyOfferings, {}, { actor });
  }

  @Post('offerings')
  @ApiOperation({ summary: 'Publish an offering (active at once)' })
  @ApiCreatedResponse({ type: OfferingDto })
  @ApiBadRequestResponse({ description: 'Bad mode, duration outside 15–120 or price neither 0 nor ≥ 100 paise' })
  @ApiUnprocessableEntityResponse({
    description: `Already ${L.maxActiveOfferings} active offerings, or ${L.maxOfferings} in all (code offering_cap_reached)`,
  })
  async createOffering(@CurrentActor() actor: Actor, @Body() body: CreateOfferingDto): Promise<OfferingView> {
    const offering = await this.rpc.send(DirectoryRpc.createOffering, body, { actor });
    this.profiles.forget(actor.userId);
    return offering;
  }

  @Patch('offerings/:id')
  @ApiOperation({ summary: 'Retitle, reprice or (de)activate one of your offerings; bookings keep their price' })
  @ApiOkResponse({ type: OfferingDto })
  @ApiNotFoundResponse({ description: 'No such offering of yours' })
  @ApiUnprocessableEntityResponse({
    description: `Re-activating it would make more than ${L.maxActiveOfferings} active offerings (code offering_cap_reached)`,
  })
  async updateOffering(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateOfferingDto,
  ): Promise<OfferingView> {
    const offering = await this.rpc.send(DirectoryRpc.updateOffering, { ...body, id }, { actor });
    this.profiles.forget(actor.userId);
    return offering;
  }
}
