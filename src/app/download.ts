/** Browser file download and file-name hygiene for exports. */

const UNSAFE_CHARS = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
const MAX_BASE_LENGTH = 100;

/**
 * A file-name stem from a model name: no path separators, reserved or control characters, no leading or trailing
 * dots and spaces (hidden files, Windows), bounded length, never empty.
 */
export function sanitizeFileName(name: string, fallback = 'threat-model'): string {
  const cleaned = name
    .replace(UNSAFE_CHARS, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/^[.\s-]+|[.\s-]+$/g, '')
    .slice(0, MAX_BASE_LENGTH)
    .trim();
  return cleaned === '' ? fallback : cleaned;
}

/** `<model name>.rampart.json`, sanitised. */
export function nativeExportFileName(modelName: string): string {
  return `${sanitizeFileName(modelName)}.rampart.json`;
}

/** Offers `data` as a download named `fileName`. */
export function downloadBlob(fileName: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(fileName: string, text: string, mimeType = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type: `${mimeType};charset=utf-8` }));
}
