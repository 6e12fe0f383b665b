import { ApiError, type ApiInput } from '../../shared/api';
import { call, isElectron } from '../api/client';

/** Browser mode: hand the document to the browser as a download. */
function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const blob = new Blob([bytes], {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves a Word document from a screen other than Reports: the native save dialog in Electron, a
 * download in browser mode. Resolves to what happened, in words.
 */
export async function saveDocument(
  input: ApiInput<'export.document'>,
  suggestedName: string,
): Promise<string> {
  if (isElectron() && window.cpb) {
    const r = await window.cpb.saveDocument({ suggestedName, input });
    if (!r.ok) throw new ApiError(r.error.code, r.error.message, r.error.issues);
    return r.value.saved
      ? `Saved ${r.value.path ?? suggestedName}.`
      : 'Not saved: the save dialog was cancelled.';
  }
  const doc = await call('export.document', input);
  download(doc.fileName, doc.dataBase64);
  return `Downloaded ${doc.fileName}. Your browser has put it in your downloads folder.`;
}
