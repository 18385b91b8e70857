import { RpcHandler } from '@haven/messaging';
import {
  type CounselorSearchPage,
  DirectoryRpc,
  type RpcRequest,
  type SearchCounselorsRequest,
} from '@haven/contracts';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SearchService } from './search.service';

@Controller()
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @RpcHandler(DirectoryRpc.searchCounselors)
  searchCounselors(@Payload() request: RpcRequest<SearchCounselorsRequest>): Promise<CounselorSearchPage> {
    return this.search.search(request.body);
  }
}
