import { RpcHandler } from '@haven/messaging';
import {
  type CounselorStatusRequest,
  type CounselorView,
  DirectoryRpc,
  type RpcRequest,
  type UpdateProfileRequest,
} from '@haven/contracts';
import { actorWithRole } from '@haven/common';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CounselorsService } from './counselors.service';

@Controller()
export class CounselorsController {
  constructor(private readonly counselors: CounselorsService) {}

  @RpcHandler(DirectoryRpc.getCounselor)
  get(@Payload() request: RpcRequest<{ id: string }>): Promise<CounselorView> {
    return this.counselors.getPublic(request.body?.id);
  }

  @RpcHandler(DirectoryRpc.updateMyProfile)
  updateProfile(@Payload() request: RpcRequest<UpdateProfileRequest>): Promise<CounselorView> {
    return this.counselors.updateProfile(actorWithRole(request, 'counselor'), request.body);
  }

  @RpcHandler(DirectoryRpc.suspendCounselor)
  suspend(@Payload() request: RpcRequest<CounselorStatusRequest>): Promise<CounselorView> {
    return this.counselors.suspend(actorWithRole(request, 'admin'), request.body ?? {});
  }

  @RpcHandler(DirectoryRpc.reinstateCounselor)
  reinstate(@Payload() request: RpcRequest<CounselorStatusRequest>): Promise<CounselorView> {
    return this.counselors.reinstate(actorWithRole(request, 'admin'), request.body ?? {});
  }
}
