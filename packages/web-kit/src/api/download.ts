import { currentLocale } from '../i18n/index.ts';
import { problemFromResponse } from './problem.ts';

/**
 * Fetches a file the API builds (an XLSX export) and hands it to the browser as a download named `filename`. A file,
 * not JSON, so it is fetched directly (the typed client answers parsed JSON bodies); a refusal throws the API's
 * problem like the client does.
 *
 * @example
 * await downloadFile('/api/crises/export.xlsx', '危机看板.xlsx');
 */
export async function downloadFile(url: string, filename: string): Promise<void> {
  const res = await fetch(url, {
    credentials: 'same-origin',
    headers: { 'accept-language': currentLocale.value },
  });
  if (!res.ok) throw await problemFromResponse(res);
  const objectUrl = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = filename;
  link.click();
  // The click starts the download; the object URL may go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}
