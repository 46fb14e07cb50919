// Coded application errors: each code has one HTTP status and a Dutch message for people.

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  INVALID_QUESTION: 400,
  INVALID_NUMBER: 400,
  INVALID_MESSAGE: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  ACTION_NOT_FOUND: 404,
  CONVERSATION_NOT_FOUND: 404,
  DOCUMENT_NOT_FOUND: 404,
  BUSY: 409,
  DOCUMENT_ID_TAKEN: 409,
  DOCUMENT_READ_ONLY: 409,
  PAYLOAD_TOO_LARGE: 413,
  UPGRADE_REQUIRED: 426,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_DOCUMENT: 422,
  RATE_LIMITED: 429,
  MODEL_NOT_AVAILABLE: 503,
  MODEL_FAILED: 502,
  MODEL_TIMEOUT: 504,
  DATABASE_UNAVAILABLE: 503,
  NOT_READY: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.statusCode = ERROR_STATUS[code];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
