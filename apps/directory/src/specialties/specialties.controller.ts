import { DirectoryRpc, type SpecialtyView } from '@haven/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { SpecialtiesService } from './specialties.service';

@Controller()
export class SpecialtiesController {
  constructor(private readonly specialties: SpecialtiesService) {}

  @MessagePattern(DirectoryRpc.listSpecialties.pattern)
  list(): Promise<SpecialtyView[]> {
    return this.specialties.list();
  }
}
