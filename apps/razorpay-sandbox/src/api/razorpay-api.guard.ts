import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { RazorpaySandboxConfig } from '../config/razorpay-sandbox.config';
import { FaultsService } from '../sandbox/faults.service';
import { basicCredentialsMatch } from './basic-credentials';
import { authenticationFailed, injectedOutage } from './razorpay-api-error';

/**
 * In front of every `/v1` route: an injected outage answers first (as a real one would, whatever
 * the credentials), then HTTP Basic auth with the configured key id and secret.
 */
@Injectable()
export class RazorpayApiGuard implements CanActivate {
  constructor(
    private readonly config: RazorpaySandboxConfig,
    private readonly faults: FaultsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (await this.faults.consumeApiFailure()) throw injectedOutage();
    const request = context.switchToHttp().getRequest<Request>();
    const expected = `${this.config.RAZORPAY_KEY_ID}:${this.config.RAZORPAY_KEY_SECRET}`;
    if (!basicCredentialsMatch(request.headers.authorization, expected)) throw authenticationFailed();
    return true;
  }
}
