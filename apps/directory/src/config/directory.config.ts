import { CoreConfig } from '@haven/infrastructure';
import { Expose, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class DirectoryConfig extends CoreConfig {
  /**
   * How long the directory waits for another service it asks while answering (booking's next
   * availability, accounts' names). Kept well under RPC_TIMEOUT_MS so a slow dependency degrades the
   * answer instead of timing out the caller.
   */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DEPENDENCY_RPC_TIMEOUT_MS: number = 3000;

  get dependencyTimeoutMs(): number {
    return Math.max(100, Math.min(this.DEPENDENCY_RPC_TIMEOUT_MS, Math.floor(this.RPC_TIMEOUT_MS / 2)));
  }
}
