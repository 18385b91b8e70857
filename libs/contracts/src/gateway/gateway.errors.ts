/**
 * Codes the gateway answers with itself, before or instead of a service (some have no error kind:
 * 415 and 504 come from HTTP, not from a service).
 */
export const GATEWAY_ERROR_CODES = [
  'token_stale',
  'rate_limited',
  'invalid_input',
  'unsupported_media_type',
  'service_timeout',
  'service_unavailable',
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];
