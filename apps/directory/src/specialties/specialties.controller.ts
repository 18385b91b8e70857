import { RpcHandler } from '@haven/messaging';
import { DirectoryRpc, type SpecialtyView } from '@haven/contracts';
import { Controller } from '@nestjs/common';
import { SpecialtiesService } from './specialties.service';

@Controller()
export class SpecialtiesController {
  constructor(private readonly specialties: SpecialtiesService) {}

  @RpcHandler(DirectoryRpc.listSpecialties)
  list(): Promise<SpecialtyView[]> {
    return this.specialties.list();
  }
}
