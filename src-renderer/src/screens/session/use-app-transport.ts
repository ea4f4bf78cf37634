// Whether the UI runs in the desktop app (IPC, a real embedded view) or in the browser
// harness (no WebContentsView): asked once, shared by every caller.
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../src-preload/contract';
import { consoleApi } from '../../api';

type Transport = AppInfo['transport'];

let asked: Promise<Transport | null> | null = null;

export function useAppTransport(): Transport | null {
  const [transport, setTransport] = useState<Transport | null>(null);
  useEffect(() => {
    asked ??= consoleApi().app.info().then(
      (info) => info.transport,
      () => null,
    );
    let mounted = true;
    void asked.then((value) => mounted && setTransport(value));
    return () => {
      mounted = false;
    };
  }, []);
  return transport;
}
