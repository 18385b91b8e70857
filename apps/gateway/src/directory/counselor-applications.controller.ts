import { type Actor, type ApplicationView, DirectoryRpc } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor } from '../auth/auth.decorators';
import { ApplicationDto, CreateApplicationDto, UpdateApplicationDto } from './dto/application.dto';

/** A signed-in user's own application to become a counselor. */
@ApiTags('counselor applications')
@Authenticated()
@Controller('counselor-applications')
export class CounselorApplicationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Apply to become a counselor (vetted by an admin)' })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiBadRequestResponse({ description: 'A missing or bad field, an unknown specialty or language code' })
  @ApiConflictResponse({ description: 'An application is already open, or you already are a counselor' })
  submit(@CurrentActor() actor: Actor, @Body() body: CreateApplicationDto): Promise<ApplicationView> {
    return this.rpc.send(DirectoryRpc.submitApplication, body, { actor });
  }

  @Get('mine')
  @ApiOperation({ summary: 'Your latest application' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiNotFoundResponse({ description: 'You have not applied' })
  mine(@CurrentActor() actor: Actor): Promise<ApplicationView> {
    return this.rpc.send(DirectoryRpc.getMyApplication, {}, { actor });
  }

  @Patch('mine')
  @ApiOperation({ summary: 'Fix and resubmit your application while changes are requested' })
  @ApiOkResponse({ type: ApplicationDto, description: 'Back to `submitted`' })
  @ApiNotFoundResponse({ description: 'You have not applied' })
  @ApiConflictResponse({ description: 'The application is not waiting for changes' })
  updateMine(@CurrentActor() actor: Actor, @Body() body: UpdateApplicationDto): Promise<ApplicationView> {
    return this.rpc.send(DirectoryRpc.updateMyApplication, body, { actor });
  }
}
