// The typed error the importer throws when a document cannot be turned into text at all.

export type ImportErrorCode = 'EMPTY_DOCUMENT' | 'CORRUPT_PDF' | 'UNSUPPORTED_TYPE';

export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImportError';
    this.code = code;
  }
}
