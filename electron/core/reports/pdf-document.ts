import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ConsoleDocument } from '../../../shared/domain/commissioning';
import { evidenceInfo, footerText, HASH_ZEROS, stampEvidence } from './evidence-hash';

/**
 * The console's one way to make a PDF (commissioning reports now; shift, evidence and compliance
 * reports use the same): pdfkit in the core, so the desktop and the headless console make the same
 * file. DejaVu Sans carries every Latvian letter (ā, č, ē, ģ, ī, ķ, ļ, ņ, š, ū, ž), which the PDF
 * standard fonts do not.
 */

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

export type Pdf = PDFKit.PDFDocument;

export interface PdfMeta {
  title: string;
  subject: string;
  author: string;
  /** The document's own time (the report's), so the same report makes the same bytes. */
  createdAt: Date;
  fileName: string;
  /**
   * An evidence file: uncompressed, its SHA-256 in the information dictionary and every footer
   * (see evidence-hash.ts), so `npm run evidence:verify` can check it on its own.
   */
  evidence?: boolean;
}

export const MARGIN = 50;

/** Makes a PDF: `draw` writes the pages; the result carries the file's SHA-256. */
export function renderPdf(meta: PdfMeta, draw: (doc: Pdf) => void): Promise<ConsoleDocument> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    compress: !meta.evidence,
    info: {
      ...(meta.evidence ? evidenceInfo : {}),
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Creator: 'Sargs',
      Producer: 'Sargs',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.font('regular');
  const chunks: Buffer[] = [];
  const done = new Promise<ConsoleDocument>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => {
      const made = Buffer.concat(chunks);
      const { bytes, sha256 } = meta.evidence
        ? stampEvidence(made, pages)
        : { bytes: made, sha256: createHash('sha256').update(made).digest('hex') };
      resolve({
        fileName: meta.fileName,
        mimeType: 'application/pdf',
        base64: bytes.toString('base64'),
        sha256,
      });
    });
  });
  draw(doc);
  const pages = pageNumbers(doc, meta.evidence === true);
  doc.end();
  return done;
}

/** Page numbers, and an evidence file's hash, in every page's footer; returns the page count. */
function pageNumbers(doc: Pdf, evidence: boolean): number {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - MARGIN + 15;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#555555')
      .text(`${i + 1} / ${range.count}`, MARGIN, bottom, {
        width: doc.page.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
    if (evidence)
      doc.font('Courier').fontSize(7).text(footerText(HASH_ZEROS), MARGIN, bottom, {
        lineBreak: false,
      });
  }
  return range.count;
}

/** A heading, then label–value rows in two columns. */
export function section(doc: Pdf, heading: string, rows: readonly [string, string][]): void {
  doc.moveDown(0.8).font('bold').fontSize(12).fillColor('#000000').text(heading);
  doc.moveDown(0.3).font('regular').fontSize(10);
  const labelWidth = 170;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.fillColor('#444444').text(label, MARGIN, y, { width: labelWidth });
    const afterLabel = doc.y;
    doc.fillColor('#000000').text(value, MARGIN + labelWidth, y, {
      width: doc.page.width - 2 * MARGIN - labelWidth,
    });
    doc.y = Math.max(doc.y, afterLabel);
  }
  doc.x = MARGIN;
}
