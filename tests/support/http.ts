import { inject } from 'vitest';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent as-is instead of JSON-encoding `body`. */
  raw?: string;
}

let target: { baseUrl: string; razorpaySandboxUrl: string } | undefined;

/**
 * Points this test file's calls (API, sandbox) at another platform than the shared one, e.g. a
 * private platform whose services the file stops and starts; `undefined` points them back.
 */
export function targetPlatform(platform: { baseUrl: string; razorpaySandboxUrl: string } | undefined): void {
  target = platform && { baseUrl: platform.baseUrl, razorpaySandboxUrl: platform.razorpaySandboxUrl };
}

/** The gateway this file talks to (`/api/v1`, no trailing slash). */
export function gatewayUrl(): string {
  return target?.baseUrl ?? inject('baseUrl');
}

/** The Razorpay sandbox of the platform this file talks to. */
export function razorpaySandboxUrl(): string {
  return target?.razorpaySandboxUrl ?? inject('razorpaySandboxUrl');
}

/** Calls the running gateway; `path` is relative to /api/v1. */
export async function api<T = any>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined = options.raw;
  if (payload === undefined && body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${gatewayUrl()}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (ICS, CSV): keep the text.
  }
  return { status: response.status, body: parsed as T, headers: response.headers, text };
}

let counter = 0;
/** An e-mail address no other test uses. */
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}.${Date.now().toString(36)}.${counter}.${Math.random().toString(36).slice(2, 6)}@example.test`;
}
