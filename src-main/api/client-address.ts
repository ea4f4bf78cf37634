// The console's own address, for the audit's "client IP" (AU-1). The server's
// view of it (res.device.log) is recorded separately and is the one to trust
// across NAT; this is what the machine itself knows.
import os from 'node:os';
import { isLoopbackHost } from '../odoo/server-url';

export function clientAddressFor(serverUrl: string): string | null {
  if (isLoopbackHost(new URL(serverUrl).hostname)) return '127.0.0.1';
  const external = Object.values(os.networkInterfaces())
    .flat()
    .filter((address): address is os.NetworkInterfaceInfo => !!address && !address.internal);
  return (external.find((address) => address.family === 'IPv4') ?? external[0])?.address ?? null;
}
