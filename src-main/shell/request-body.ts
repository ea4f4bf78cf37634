// A request body as Electron hands it to webRequest, turned into what the view's
// policy reads (core/view-policy ViewRequestBody). Electron 40 gives each part
// with a `type` (shell/common/gin_converters/net_converter.cc): 'rawData' with
// its bytes; 'blob' (a Blob or File a page script sent) with only a blobUUID,
// whose bytes main reads through session.getBlobData while the request waits;
// 'file' (a file chosen in a submitted form) with only a path; 'stream' (a
// ReadableStream body) which main must not read, as reading takes the bytes
// away from the request. A body whose bytes cannot all be had is 'unreadable',
// never mistaken for an empty one: the policy decides what that means.
import type { Session, UploadData } from 'electron';
import type { ViewRequestBody } from '../core';

/** What Electron 40 really passes (its typings still describe the old bytes/file/blobUUID object). */
type UploadPart = Partial<UploadData> & { type?: string };

export type BlobReader = Pick<Session, 'getBlobData'>;

export async function readRequestBody(uploadData: readonly UploadPart[] | undefined, blobs: BlobReader): Promise<ViewRequestBody> {
  const parts = uploadData ?? [];
  if (parts.length === 0) return { kind: 'none' };
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    const kind = part.type ?? (part.bytes ? 'rawData' : part.blobUUID ? 'blob' : part.file ? 'file' : 'unknown');
    if (kind === 'rawData' && part.bytes) {
      chunks.push(part.bytes);
    } else if (kind === 'blob' && part.blobUUID) {
      try {
        chunks.push(await blobs.getBlobData(part.blobUUID));
      } catch {
        return { kind: 'unreadable', why: 'blob' };
      }
    } else if (kind === 'file') {
      return { kind: 'unreadable', why: 'file' };
    } else if (kind === 'stream') {
      return { kind: 'unreadable', why: 'stream' };
    } else {
      return { kind: 'unreadable', why: 'error' };
    }
  }
  return { kind: 'bytes', bytes: Buffer.concat(chunks) };
}
