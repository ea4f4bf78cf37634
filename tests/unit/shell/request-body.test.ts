// Finding 2 of issue 19: Electron hands Blob, File and stream bodies without
// bytes. readRequestBody reads a blob through session.getBlobData while the
// request waits, and calls everything it cannot read 'unreadable' — never an
// empty body.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { readRequestBody } from '../../../src-main/shell/request-body';
import { blobPart, electronFake, filePart, rawPart, session, streamPart, type FakeUploadPart } from '../../support/electron-mock';

beforeEach(() => electronFake.reset());

const text = (body: Awaited<ReturnType<typeof readRequestBody>>) => (body.kind === 'bytes' ? Buffer.from(body.bytes).toString('utf8') : body);

/** Reads the body as the guard does: inside the webRequest listener, before answering. */
async function readInRequest(uploadData: FakeUploadPart[]) {
  const partition = session.fromPartition('impersonation-body');
  let body: Awaited<ReturnType<typeof readRequestBody>> | null = null;
  partition.webRequest.onBeforeRequest((details: { uploadData?: FakeUploadPart[] }, callback: (response: object) => void) => {
    void readRequestBody(details.uploadData as never, partition).then((read) => {
      body = read;
      callback({});
    });
  });
  await partition.request({ url: 'https://odoo.example.com/web/dataset/call_kw', method: 'POST', uploadData });
  return body!;
}

describe('readRequestBody', () => {
  it('has no body without upload data', async () => {
    expect(await readInRequest([])).toEqual({ kind: 'none' });
  });

  it('joins string and ArrayBuffer parts', async () => {
    expect(text(await readInRequest([rawPart('{"a":'), rawPart('1}')]))).toBe('{"a":1}');
  });

  it('reads a Blob through getBlobData, in order with the other parts', async () => {
    expect(text(await readInRequest([rawPart('--b\r\n'), blobPart('%PDF-1.7 …'), rawPart('\r\n--b--')]))).toBe('--b\r\n%PDF-1.7 …\r\n--b--');
  });

  it('calls a blob it cannot read unreadable, not empty', async () => {
    const stale = blobPart('{"method":"back_to_origin_login"}');
    const partition = session.fromPartition('other');
    await partition.request({ url: 'https://odoo.example.com/x', method: 'POST', uploadData: [stale] }); // that request is over: its handle is gone
    expect(await readInRequest([stale])).toEqual({ kind: 'unreadable', why: 'blob' });
  });

  it('calls a file from a submitted form unreadable', async () => {
    expect(await readInRequest([rawPart('--b\r\n'), filePart('/home/admin/passport.pdf')])).toEqual({ kind: 'unreadable', why: 'file' });
  });

  it('calls a stream unreadable and leaves it to the request', async () => {
    const stream = streamPart();
    expect(await readInRequest([stream])).toEqual({ kind: 'unreadable', why: 'stream' });
    expect(stream.consumed).toBe(false);
  });

  it('calls a part of an unknown shape unreadable', async () => {
    expect(await readInRequest([{ type: 'pipe' } as never])).toEqual({ kind: 'unreadable', why: 'error' });
  });
});
