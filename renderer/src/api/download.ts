import type { ConsoleDocument } from '../../../shared/domain/commissioning';

/** Hands a file the core made to the operator (the page only saves it, it never builds one). */
export function saveFile(data: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A PDF or other document from the core, as it came (base64 over the bridge). */
export function saveDocument(doc: ConsoleDocument): void {
  const bytes = Uint8Array.from(atob(doc.base64), (c) => c.charCodeAt(0));
  saveFile(bytes, doc.fileName, doc.mimeType);
}
