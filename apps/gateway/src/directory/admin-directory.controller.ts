import { type Actor, type ApplicationView, type CounselorView, DirectoryRpc, type Page } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { CounselorProfileCache } from './counselor-profile-cache';
import {
  ApplicationDto,
  ApplicationPageDto,
  ApproveApplicationDto,
  ListApplicationsQueryDto,
  OptionalReasonDto,
  ReasonDto,
} from './dto/application.dto';
import { CounselorDto } from './dto/counselor.dto';

/** The vetting queue and counselor suspension. */
@ApiTags('admin: counselors')
@Authenticated()
@Roles('admin')
@Controller('admin')
export class AdminDirectoryController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly profiles: CounselorProfileCache,
  ) {}

  @Get('counselor-applications')
  @ApiOperation({ summary: 'Applications, newest submission first, optionally by status' })
  @ApiOkResponse({ type: ApplicationPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListApplicationsQueryDto): Promise<Page<ApplicationView>> {
    return this.rpc.send(
      DirectoryRpc.listApplications,
      { status: query.status, userId: query.userId, page: query.page, limit: query.limit },
      { actor },
    );
  }

  @Post('counselor-applications/:id/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve: the profile goes public and the user gains the counselor role' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiNotFoundResponse({ description: 'No such application' })
  @ApiConflictResponse({ description: 'The application is not `submitted`' })
  approve(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ApproveApplicationDto,
  ): Promise<ApplicationView> {
    return this.rpc.send(DirectoryRpc.approveApplication, { id, note: body.note }, { actor });
  }

  @Post('counselor-applications/:id/reject')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reject, with a reason the applicant sees' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiBadRequestResponse({ description: 'No reason' })
  @ApiNotFoundResponse({ description: 'No such application' })
  @ApiConflictResponse({ description: 'The application is not `submitted`' })
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReasonDto): Promise<ApplicationView> {
    return this.rpc.send(DirectoryRpc.rejectApplication, { id, reason: body.reason }, { actor });
  }

  @Post('counselor-applications/:id/request-changes')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Send back for changes, with a reason; the applicant fixes and resubmits' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiBadRequestResponse({ description: 'No reason' })
  @ApiNotFoundResponse({ description: 'No such application' })
  @ApiConflictResponse({ description: 'The application is not `submitted`' })
  requestChanges(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ReasonDto,
  ): Promise<ApplicationView> {
    return this.rpc.send(DirectoryRpc.requestApplicationChanges, { id, reason: body.reason }, { actor });
  }

  @Post('counselors/:id/suspend')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Suspend a counselor: hidden from the public and not bookable' })
  @ApiOkResponse({ type: CounselorDto })
  @ApiBadRequestResponse({ description: 'No reason' })
  @ApiNotFoundResponse({ description: 'No such counselor' })
  @ApiConflictResponse({ description: 'Already suspended' })
  async suspend(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ReasonDto,
  ): Promise<CounselorView> {
    const counselor = await this.rpc.send(DirectoryRpc.suspendCounselor, { id, reason: body.reason }, { actor });
    this.profiles.forget(counselor.id);
    return counselor;
  }

  @Post('counselors/:id/reinstate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reinstate a suspended counselor' })
  @ApiOkResponse({ type: CounselorDto })
  @ApiNotFoundResponse({ description: 'No such counselor' })
  @ApiConflictResponse({ description: 'Not suspended' })
  async reinstate(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: OptionalReasonDto,
  ): Promise<CounselorView> {
    const counselor = await this.rpc.send(DirectoryRpc.reinstateCounselor, { id, reason: body.reason }, { actor });
    this.profiles.forget(counselor.id);
    return counselor;
  }
}
