import {
  type CounselorStatusRequest,
  type CounselorView,
  DirectoryRpc,
  type RpcRequest,
  type UpdateProfileRequest,
} from '@haven/contracts';
import { actorWithRole } from '@haven/common';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CounselorsService } from './counselors.service';

@Controller()
export class CounselorsController {
  constructor(private readonly counselors: CounselorsService) {}

  @MessagePattern(DirectoryRpc.getCounselor.pattern)
  get(@Payload() request: RpcRequest<{ id: string }>): Promise<CounselorView> {
    return this.counselors.getPublic(request.body?.id);
  }

  @MessagePattern(DirectoryRpc.updateMyProfile.pattern)
  updateProfile(@Payload() request: RpcRequest<UpdateProfileRequest>): Promise<CounselorView> {
    return this.counselors.updateProfile(actorWithRole(request, 'counselor'), request.body);
  }

  @MessagePattern(DirectoryRpc.suspendCounselor.pattern)
  suspend(@Payload() request: RpcRequest<CounselorStatusRequest>): Promise<CounselorView> {
    return this.counselors.suspend(actorWithRole(request, 'admin'), request.body ?? {});
  }

  @MessagePattern(DirectoryRpc.reinstateCounselor.pattern)
  reinstate(@Payload() request: RpcRequest<CounselorStatusRequest>): Promise<CounselorView> {
    return this.counselors.reinstate(actorWithRole(request, 'admin'), request.body ?? {});
  }
}
