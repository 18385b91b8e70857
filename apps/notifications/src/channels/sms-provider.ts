import { Logger } from '@nestjs/common';

/** Sends one text message; a real provider (MSG91, Twilio...) implements this. */
export interface SmsProvider {
  send(phone: string, text: string): Promise<void>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

/**
 * The default: no provider can be reached here, so a line is logged instead (number masked, no
 * text: it may carry a meeting link).
 */
export class LoggingSmsProvider implements SmsProvider {
  private readonly logger = new Logger('Sms');

  async send(phone: string, text: string): Promise<void> {
    this.logger.log({ to: maskPhone(phone), length: text.length }, 'SMS (logging provider, not sent)');
  }
}

/** `+91******3210`: enough to tell numbers apart in a log, not enough to call one. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  return digits.length <= 4
    ? '****'
    : `${digits.slice(0, 3)}${'*'.repeat(Math.max(0, digits.length - 7))}${digits.slice(-4)}`;
}
