// Tells what an uploaded file is from its extension and its first bytes: a PDF, plain text, or something we refuse.
import { AppError } from '../errors.js';

export type DetectedFile =
  | { type: 'pdf'; data: Uint8Array }
  | { type: 'text'; text: string }
  /** A Markdown file that already has corpus front matter: it is taken as it is. */
  | { type: 'corpus-markdown'; text: string };

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown']);

// Formats people are likely to try; their magic numbers say so even when the file is misnamed.
const SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'een afbeelding (PNG)', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'een afbeelding (JPEG)', bytes: [0xff, 0xd8, 0xff] },
  { name: 'een afbeelding (GIF)', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'een afbeelding (TIFF)', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'een afbeelding (TIFF)', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'een RIFF-bestand (afbeelding of geluid)', bytes: [0x52, 0x49, 0x46, 0x46] },
  // .docx, .xlsx, .odt and .zip are all ZIP containers.
  { name: 'een Word-, OpenDocument- of ZIP-bestand', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'een ouder Office-bestand (.doc/.xls)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'een RTF-bestand', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
  { name: 'een gecomprimeerd bestand (gzip)', bytes: [0x1f, 0x8b] },
];

const SUPPORTED = 'Alleen PDF, platte tekst (.txt) en Markdown (.md) kunnen opgeladen worden.';

export function extensionOf(fileName: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(fileName.trim());
  return match ? (match[1] as string).toLowerCase() : '';
}

/** PDF readers accept the header anywhere in the first kilobyte, so we do too. */
export function looksLikePdf(data: Uint8Array): boolean {
  return Buffer.from(data.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

function knownBinary(data: Uint8Array): string | null {
  const found = SIGNATURES.find((signature) => signature.bytes.every((byte, index) => data[index] === byte));
  return found?.name ?? null;
}

/** Decodes text as UTF-8, falling back to Windows-1252 (older Word exports); null when it is not text at all. */
export function decodeText(data: Uint8Array): string | null {
  if (data.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = decodeWindows1252(data);
  }
  // Text has few control characters besides tabs, line breaks and form feeds (page breaks).
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f) controls += 1;
  }
  return controls > Math.max(2, text.length * 0.01) ? null : text.replace(/^\uFEFF/, '');
}

// Windows-1252's printable characters in 0x80–0x9F (curly quotes, dashes, €); Node's TextDecoder may lack the encoding.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(data: Uint8Array): string {
  let text = '';
  for (const byte of data) text += byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? '') : String.fromCharCode(byte);
  return text;
}

export function detectFile(fileName: string, data: Uint8Array): DetectedFile {
  if (data.length === 0) throw new AppError('UNPROCESSABLE_DOCUMENT', `Het bestand "${fileName}" is leeg.`);
  const extension = extensionOf(fileName);
  if (extension && extension !== 'pdf' && !TEXT_EXTENSIONS.has(extension)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Bestanden van het type .${extension} worden niet ondersteund. ${SUPPORTED}`);
  }
  const binary = knownBinary(data);
  if (binary) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `"${fileName}" is ${binary}, geen PDF of tekst. ${SUPPORTED}`);
  // A plain copy: a Node Buffer is often a view into a shared pool, which pdf.js reads from its start.
  if (looksLikePdf(data)) return { type: 'pdf', data: new Uint8Array(data) };
  if (extension === 'pdf') {
    throw new AppError('UNPROCESSABLE_DOCUMENT', `"${fileName}" is geen geldig PDF-bestand: het is beschadigd of onvolledig.`);
  }
  const text = decodeText(data);
  if (text === null) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `"${fileName}" is geen PDF en geen leesbare tekst. ${SUPPORTED}`);
  if (text.trim() === '') throw new AppError('UNPROCESSABLE_DOCUMENT', `Het bestand "${fileName}" bevat geen tekst.`);
  if ((extension === 'md' || extension === 'markdown') && /^---\s*\n/.test(text.replace(/\r\n?/g, '\n'))) {
    return { type: 'corpus-markdown', text };
  }
  return { type: 'text', text };
}
