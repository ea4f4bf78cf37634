// The Odoo connector as core's OdooImpersonationPort for one connection: with the
// admin's password, for Odoo's identity check when revoking (crash recovery), and
// the console's own address, the audit's "client IP" (AU-1). The server's view of
// that address (res.device.log) is recorded separately and is the one to trust
// across NAT; this is what the machine itself knows.
import os from 'node:os';
import { ConnectorImpersonationPort, isLoopbackHost, type OdooConnection } from '../odoo';

export function connectorPort(odoo: OdooConnection, serverUrl: string, adminPassword: () => string | null): ConnectorImpersonationPort {
  return new ConnectorImpersonationPort(odoo, { adminPassword, clientIp: clientAddressFor(serverUrl) });
}

export function clientAddressFor(serverUrl: string): string | null {
  if (isLoopbackHost(new URL(serverUrl).hostname)) return '127.0.0.1';
  const external = Object.values(os.networkInterfaces())
    .flat()
    .filter((address): address is os.NetworkInterfaceInfo => !!address && !address.internal);
  return (external.find((address) => address.family === 'IPv4') ?? external[0])?.address ?? null;
}
