/**
 * Saves a text the page made (the history as CSV) as a file, without a server round trip: a Blob, an object
 * URL and a temporary `<a download>` clicked from script. No inline script and no fetch, so the page's strict
 * CSP allows it (a download of a blob: URL is a navigation the browser turns into a file).
 */

/** How long the object URL stays valid after the click: enough for any browser to start the download. */
const REVOKE_AFTER_MS = 10_000;

export function downloadTextFile(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
