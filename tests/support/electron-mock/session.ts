// session and webRequest as Electron 40 hands them to main: one
// onBeforeRequest listener per session that may answer asynchronously, upload
// bodies in the four shapes net_converter.cc produces (rawData, file, blob with a
// blobUUID readable once through getBlobData while the request is pending, and
// stream), and the partition's storage.
import { EventEmitter } from 'node:events';
import { FakeCookies } from './cookies';
import { state } from './state';

export type FakeUploadPart =
  | { type: 'rawData'; bytes: Buffer }
  | { type: 'file'; file: string; filePath: string; offset: number; length: number; modificationTime: number }
  | { type: 'blob'; blobUUID: string; dataPipe: object }
  | { type: 'stream'; body: { read(buffer: Uint8Array): Promise<number> } };

interface BlobHolder {
  bytes: Buffer;
  state: 'pending' | 'read' | 'released';
}
const blobHolders = new Map<string, BlobHolder>();
let nextBlobId = 0;

/** A part of a body sent from a page: bytes as Chromium keeps them for a string or ArrayBuffer. */
export function rawPart(bytes: string | Buffer): FakeUploadPart {
  return { type: 'rawData', bytes: Buffer.from(bytes) };
}

/** A Blob (or a File from JavaScript) in a fetch/XHR body: a data pipe, not bytes. */
export function blobPart(bytes: string | Buffer): FakeUploadPart & { type: 'blob' } {
  const blobUUID = String(++nextBlobId);
  blobHolders.set(blobUUID, { bytes: Buffer.from(bytes), state: 'pending' });
  return { type: 'blob', blobUUID, dataPipe: {} };
}

/** A file chosen in a submitted <form>: only its path reaches main. */
export function filePart(filePath: string): FakeUploadPart {
  return { type: 'file', file: filePath, filePath, offset: 0, length: -1, modificationTime: 0 };
}

/** A ReadableStream body (fetch with duplex: 'half'). Reading it in main takes the bytes away from the request. */
export function streamPart(): FakeUploadPart & { consumed: boolean } {
  const part = {
    type: 'stream' as const,
    consumed: false,
    body: {
      read: async (): Promise<number> => {
        part.consumed = true;
        return 0;
      },
    },
  };
  return part;
}

export interface FakeRequest {
  url: string;
  method: string;
  resourceType?: 'mainFrame' | 'subFrame' | 'xhr' | 'script' | 'image' | 'other';
  uploadData?: FakeUploadPart[];
}
/** Electron's answer: cancel, or (read-only's quiet answer) a redirect to another URL, which keeps the method and body. */
type BeforeRequestAnswer = { cancel: boolean; redirectURL?: string };
type BeforeRequestListener = (details: FakeRequest, callback: (response: { cancel?: boolean; redirectURL?: string }) => void) => void;

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: object) => boolean;
type DevicePermissionHandler = (details: { deviceType: string; origin: string; device: object }) => boolean;

export class FakeSession extends EventEmitter {
  readonly cookies = new FakeCookies();
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: DevicePermissionHandler | null = null;
  readonly cleared = { storage: 0, cache: 0, authCache: 0 };
  beforeRequest: BeforeRequestListener | null = null;
  readonly webRequest = {
    onBeforeRequest: (filterOrListener: unknown, maybeListener?: BeforeRequestListener | null): void => {
      this.beforeRequest = (typeof filterOrListener === 'function' ? filterOrListener : maybeListener ?? null) as BeforeRequestListener | null;
    },
  };

  constructor(readonly partition: string) {
    super();
  }

  /**
   * What the network stack does before sending a request: ask the listener,
   * wait for its callback (it may come later), and release the request's blob
   * handles once answered, as the uploadData object is then let go.
   */
  async request(details: FakeRequest): Promise<BeforeRequestAnswer> {
    const listener = this.beforeRequest;
    const uploadData = details.uploadData;
    const release = () => {
      for (const part of uploadData ?? []) {
        const holder = part.type === 'blob' ? blobHolders.get(part.blobUUID) : undefined;
        if (holder) holder.state = 'released';
      }
    };
    if (!listener) {
      release();
      return { cancel: false };
    }
    const answer = await new Promise<BeforeRequestAnswer>((resolve) => {
      let answered = false;
      listener({ resourceType: 'other', ...details }, (response) => {
        if (answered) return;
        answered = true;
        resolve(response.redirectURL === undefined ? { cancel: response.cancel === true } : { redirectURL: response.redirectURL, cancel: false });
      });
    });
    release();
    return answer;
  }

  /** session.getBlobData: a blob's bytes, once, while its request is pending (electron_api_data_pipe_holder.cc). */
  async getBlobData(identifier: string): Promise<Buffer> {
    await Promise.resolve();
    const holder = blobHolders.get(identifier);
    if (!holder || holder.state === 'released') throw new Error('Could not get blob data handle');
    if (holder.state === 'read') throw new Error('Could not get blob data');
    holder.state = 'read';
    return Buffer.from(holder.bytes);
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: DevicePermissionHandler | null): void {
    this.devicePermissionHandler = handler;
  }

  isPersistent(): boolean {
    return this.partition.startsWith('persist:');
  }

  async clearStorageData(): Promise<void> {
    await state.hooks.clearStorageData(this);
    this.cleared.storage += 1;
    this.cookies.jar.length = 0;
  }

  async clearCache(): Promise<void> {
    this.cleared.cache += 1;
  }

  async clearAuthCache(): Promise<void> {
    this.cleared.authCache += 1;
  }
}

let defaultSession: FakeSession | null = null;

export const session = {
  get defaultSession(): FakeSession {
    state.requireReady('session');
    defaultSession ??= new FakeSession('');
    return defaultSession;
  },
  fromPartition(partition: string): FakeSession {
    state.requireReady('session');
    if (partition === '') return session.defaultSession;
    let found = state.created.partitions.get(partition) as FakeSession | undefined;
    if (!found) {
      found = new FakeSession(partition);
      state.created.partitions.set(partition, found);
    }
    return found;
  },
};

export function resetSessions(): void {
  defaultSession = null;
  blobHolders.clear();
}
