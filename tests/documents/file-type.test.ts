// Unit tests of upload type detection: extension and first bytes decide between PDF, text and a refusal.
import { describe, expect, it } from 'vitest';
import { decodeText, detectFile } from '../../src/documents/file-type.js';
import { AppError } from '../../src/errors.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

function refusal(fileName: string, data: Uint8Array): AppError {
  try {
    detectFile(fileName, data);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('detectFile', () => {
  it('recognises a PDF by its header, whatever its name', () => {
    expect(detectFile('advies.pdf', text('%PDF-1.7\n...')).type).toBe('pdf');
    expect(detectFile('advies', text('%PDF-1.4\n...')).type).toBe('pdf');
    expect(detectFile('advies.txt', text('%PDF-1.4\n...')).type).toBe('pdf');
  });

  it('reads text and tells corpus Markdown apart by its front matter', () => {
    expect(detectFile('advies.txt', text('Advies\n\nTekst.'))).toEqual({ type: 'text', text: 'Advies\n\nTekst.' });
    expect(detectFile('advies.md', text('# Advies\n\nTekst.')).type).toBe('text');
    expect(detectFile('advies.md', text('---\nid: a\n---\n')).type).toBe('corpus-markdown');
  });

  it('refuses other types by extension and by content with 415', () => {
    expect(refusal('advies.docx', text('whatever')).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(refusal('advies.txt', bytes(0x50, 0x4b, 0x03, 0x04, 1, 2)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(refusal('foto.pdf', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 1)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(refusal('data.txt', bytes(1, 2, 3, 0, 4, 5, 6)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an empty file and a .pdf that is no PDF with 422', () => {
    expect(refusal('leeg.txt', new Uint8Array()).code).toBe('UNPROCESSABLE_DOCUMENT');
    expect(refusal('leeg.txt', text(' \n\t\n')).code).toBe('UNPROCESSABLE_DOCUMENT');
    expect(refusal('kapot.pdf', text('geen pdf')).code).toBe('UNPROCESSABLE_DOCUMENT');
  });
});

describe('decodeText', () => {
  it('falls back to Windows-1252 for text that is not UTF-8', () => {
    expect(decodeText(bytes(0x64, 0x69, 0x70, 0x6c, 0x6f, 0x6d, 0x61, 0x92, 0x73))).toBe('diploma’s');
  });
});
