// Saved connections and the one active connection, as the ConsoleApi uses them.
export { ConnectionService, connectionKey, type ActiveConnection, type OdooConnectionFactory } from './connection-service';
export { ConnectionStore, SavedConnection } from './connection-store';
