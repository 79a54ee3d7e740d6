import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Cleanup } from './cleanup.js';

/**
 * Report files fetched the way the console fetches them (the bearer token in a header) and read
 * the way a reader's tools read them: the DOCX unzipped to its OOXML paragraphs (with their Word
 * styles), the PDF through pdftotext.
 */
export interface ReportDownload {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

/** `GET /api/workshops/:id/report?format=…`, with `token` as bearer (none when null); any status. */
export async function downloadReport(
  baseUrl: string,
  id: string,
  format: string,
  token: string | null,
): Promise<ReportDownload> {
  const response = await fetch(`${baseUrl}/api/workshops/${id}/report?format=${format}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

export interface DocxParagraph {
  style: string | null;
  text: string;
}

const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** One part of the DOCX package as text (`word/document.xml`, `word/styles.xml`), '' when absent. */
export function docxPart(bytes: Uint8Array, path: string): string {
  return Buffer.from(unzipSync(bytes, { filter: (f) => f.name === path })[path] ?? new Uint8Array()).toString('utf8');
}

export function docxParagraphs(bytes: Uint8Array): DocxParagraph[] {
  const xml = docxPart(bytes, 'word/document.xml');
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const inner = m[1] ?? m[2] ?? '';
    return {
      style: /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? null,
      text: xmlText([...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((r) => r[1]).join('')),
    };
  });
}

/** The PDF's text with whitespace collapsed (line breaks fall where the page wraps). */
export function pdfText(cleanup: Cleanup, bytes: Uint8Array): string {
  const dir = cleanup.add(mkdtempSync(join(tmpdir(), 'warsztat-pdf-')), (d) =>
    rmSync(d, { recursive: true, force: true }),
  );
  const file = join(dir, 'raport.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
