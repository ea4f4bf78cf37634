// Saves an export as a file: a Blob behind an <a download>, which works the
// same in the browser harness and in Electron (whose will-download default
// shows the save dialog). No remote URL is involved, so the CSP is untouched.
import type { ExportResult } from '../../../../src-preload/contract';

export function downloadExport(result: ExportResult): void {
  const blob = new Blob([result.content], { type: result.mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = result.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the Blob to the download; the URL can go on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
