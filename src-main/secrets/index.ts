// The credential vault, as the connections and the composition root use it.
export { KeychainVault, type SafeStorageLike, type SecretVault, type TrustedDevice } from './secret-vault';
