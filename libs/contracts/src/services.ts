/** Every backend service; each listens for RPC on a durable queue of the same name. */
export const SERVICE_NAMES = ['accounts', 'directory', 'booking', 'notifications'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
