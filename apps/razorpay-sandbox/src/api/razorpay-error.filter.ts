import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { RazorpayApiError } from './razorpay-api-error';

/** Every error leaves the sandbox in Razorpay's error body; only unexpected ones are 500s. */
@Catch()
export class RazorpayErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('RazorpayErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = this.toApiError(exception);
    response.status(error.status).json(error.body());
  }

  private toApiError(exception: unknown): RazorpayApiError {
    if (exception instanceof RazorpayApiError) return exception;
    const status = statusOf(exception);
    if (status === 404)
      return new RazorpayApiError(404, 'BAD_REQUEST_ERROR', 'The requested URL was not found on the server.');
    if (status !== undefined && status >= 400 && status < 500) {
      const description = status === 413 ? 'The request body is too large.' : 'The request body is not valid JSON.';
      return new RazorpayApiError(status, 'BAD_REQUEST_ERROR', description);
    }
    this.logger.error({ msg: 'unexpected error', err: exception });
    return new RazorpayApiError(
      500,
      'SERVER_ERROR',
      'We are facing some trouble completing your request at the moment.',
    );
  }
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { status?: unknown; statusCode?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
