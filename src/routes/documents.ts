// /api/documents: upload an advice (PDF, text or Markdown) beside the action list, list all documents, remove an upload.
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDocument, parseUploadMeta, prepareDocument, removeDocument } from '../documents/document-service.js';
import { AppError, isAppError } from '../errors.js';
import {
  DocumentListResponseSchema,
  DocumentParamsSchema,
  DocumentUploadResponseSchema,
  ErrorResponseSchema,
} from '../http/schemas.js';
import { listDocuments } from '../repositories/documents-repository.js';

const META_FIELDS = new Set(['title', 'date', 'publisher', 'id']);
const MAX_FIELD_BYTES = 1000;

interface Upload {
  fileName: string;
  data: Buffer;
  fields: Record<string, string>;
}

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxBytes = app.config.UPLOAD_MAX_BYTES;
  // Registered here, not app-wide: only this route accepts multipart bodies, and only up to the upload limit.
  await app.register(multipart, { limits: { fileSize: maxBytes, fieldSize: MAX_FIELD_BYTES, fields: 20, parts: 25 } });
  const deps = { db: app.db, corpus: app.corpus };

  const readUpload = async (request: FastifyRequest): Promise<Upload> => {
    if (!request.isMultipart()) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Stuur het document als multipart/form-data, met het bestand in het veld "file".');
    }
    const fields: Record<string, string> = {};
    let file: { fileName: string; data: Buffer } | null = null;
    let extraFiles = 0;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || file) {
            extraFiles += 1;
            // The stream must be drained for the next part to arrive.
            await part.toBuffer();
            continue;
          }
          file = { fileName: part.filename || 'document', data: await part.toBuffer() };
        } else if (META_FIELDS.has(part.fieldname)) {
          fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
        }
      }
    } catch (error) {
      throw multipartFailure(error, maxBytes, app.multipartErrors);
    }
    if (extraFiles) throw new AppError('BAD_REQUEST', 'Stuur precies één bestand, in het veld "file".');
    if (!file) throw new AppError('BAD_REQUEST', 'Het veld "file" met het document ontbreekt.');
    return { ...file, fields };
  };

  app.post(
    '/api/documents',
    {
      schema: {
        summary: 'Een advies of ander document opladen (PDF, .txt of .md; velden: file, optioneel title, date, publisher, id)',
        consumes: ['multipart/form-data'],
        response: {
          201: DocumentUploadResponseSchema,
          400: ErrorResponseSchema,
          409: ErrorResponseSchema,
          413: ErrorResponseSchema,
          415: ErrorResponseSchema,
          422: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const meta = parseUploadMeta(upload.fields);
      const prepared = await prepareDocument(upload.fileName, upload.data, meta);
      const { document, status } = await addDocument(deps, prepared);
      request.log.info({ document: document.id, version: document.version, status, warnings: prepared.warnings }, 'document uploaded');
      return reply.status(201).send({
        document: { id: document.id, title: document.title, kind: document.kind, passages: document.passages, version: document.version },
      });
    },
  );

  app.get(
    '/api/documents',
    { schema: { summary: 'Alle documenten: de actielijst, de vaste corpusdocumenten en de opgeladen adviezen', response: { 200: DocumentListResponseSchema } } },
    async () => ({
      documents: (await listDocuments(app.db.pool)).map((document) => ({
        id: document.id,
        title: document.title,
        kind: document.kind,
        publisher: document.publisher,
        date: document.published,
        origin: document.origin,
        version: document.version,
        passages: document.passages,
      })),
    }),
  );

  app.delete(
    '/api/documents/:id',
    {
      schema: {
        summary: 'Een opgeladen document verwijderen (documenten uit de corpusmap kunnen dat niet)',
        params: DocumentParamsSchema,
        response: { 204: z.null(), 400: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      await removeDocument(deps, request.params.id);
      return reply.status(204).send(null);
    },
  );
};

function multipartFailure(error: unknown, maxBytes: number, errors: FastifyRequest['server']['multipartErrors']): unknown {
  if (isAppError(error)) return error;
  if (error instanceof errors.RequestFileTooLargeError) {
    return new AppError('PAYLOAD_TOO_LARGE', `Het bestand is te groot: de grens is ${formatBytes(maxBytes)}.`);
  }
  if (error instanceof errors.FieldsLimitError || error instanceof errors.PartsLimitError || error instanceof errors.FilesLimitError) {
    return new AppError('PAYLOAD_TOO_LARGE', 'De aanvraag bevat te veel velden of bestanden.');
  }
  if (error instanceof errors.PrematureCloseError) return new AppError('BAD_REQUEST', 'Het opladen werd onderbroken voor het bestand volledig was.');
  // Busboy's own parse errors (a broken multipart body) are the client's.
  if (error instanceof Error && !('statusCode' in error)) {
    return new AppError('BAD_REQUEST', 'De multipart-aanvraag is onleesbaar.', { cause: error });
  }
  return error;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
