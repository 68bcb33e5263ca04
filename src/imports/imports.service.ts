import { Inject, Injectable } from '@nestjs/common';
import busboy from 'busboy';
import { parse } from 'csv-parse';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { type FieldError, PayloadTooLargeError, ValidationFailedError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RECORD_KINDS, type RecordKind } from '../records/record.types.js';
import { type ValidatedInput, validateRecordInput } from '../records/record-validation.js';
import { RecordsService } from '../records/records.service.js';
import { columnName, type CsvLayout, readHeader, rowToInput } from './csv-columns.js';
import { decodeStream, detectDelimiter, type Encoding, type EncodingChoice } from './csv-decoding.js';

export interface ImportRowResult {
  row: number;
  line: number;
  result: 'created' | 'updated' | 'unchanged' | 'failed';
  id?: string;
  errors?: FieldError[];
}

export interface ImportResult {
  kind: RecordKind;
  encoding: Encoding;
  delimiter: string;
  rows: number;
  summary: { created: number; updated: number; unchanged: number; failed: number };
  results: ImportRowResult[];
}

/** Rows validated and stored together; the file is read as a stream, so memory stays flat for any size. */
const ROWS_PER_CHUNK = 200;
const ENCODINGS: EncodingChoice[] = ['auto', 'utf-8', 'latin1'];

@Injectable()
export class ImportsService {
  constructor(
    private readonly records: RecordsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Reads a multipart upload (`kind`, optional `encoding`, then `file`) and stores its rows as it reads them. */
  importMultipart(req: Request, actor: Actor): Promise<ImportResult> {
    const limit = this.config.IMPORT_LIMIT_BYTES;
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      return Promise.reject(new PayloadTooLargeError(`The upload is larger than ${limit} bytes`, [{ field: 'file', reason: `must be at most ${limit} bytes` }]));
    }
    return new Promise<ImportResult>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: req.headers, limits: { files: 1, fields: 10, fileSize: limit } });
      } catch {
        reject(new ValidationFailedError([{ field: 'body', reason: 'must be multipart/form-data with a boundary' }]));
        return;
      }
      const fields: Record<string, string> = {};
      let started = false;
      parser.on('field', (name, value) => {
        fields[name] = value;
      });
      parser.on('file', (name, stream) => {
        const errors = this.checkFields(name, fields, started);
        if (errors.length > 0) {
          stream.resume();
          reject(new ValidationFailedError(errors));
          return;
        }
        started = true;
        let truncated = false;
        stream.on('limit', () => {
          truncated = true;
        });
        this.importStream(fields.kind as RecordKind, (fields.encoding ?? 'auto') as EncodingChoice, stream, actor)
          .then((result) => {
            if (truncated) {
              reject(new PayloadTooLargeError(`The file is larger than ${limit} bytes; the rows read before the limit were processed`, [{ field: 'file', reason: `must be at most ${limit} bytes` }], { ...result }));
            } else resolve(result);
          }, reject);
      });
      parser.on('close', () => {
        if (!started) reject(new ValidationFailedError([{ field: 'file', reason: 'is required (a CSV file in the form field "file")' }]));
      });
      parser.on('error', () => reject(new ValidationFailedError([{ field: 'body', reason: 'is not a readable multipart/form-data body' }])));
      req.pipe(parser);
    });
  }

  private checkFields(fileField: string, fields: Record<string, string>, alreadyStarted: boolean): FieldError[] {
    const errors: FieldError[] = [];
    if (alreadyStarted) errors.push({ field: fileField, reason: 'only one file can be imported per request' });
    if (fileField !== 'file') errors.push({ field: fileField, reason: 'is not a known field; send the CSV as "file"' });
    if (!fields.kind) errors.push({ field: 'kind', reason: `is required before the file: ${RECORD_KINDS.join(' or ')}` });
    else if (!(RECORD_KINDS as readonly string[]).includes(fields.kind)) errors.push({ field: 'kind', reason: `must be one of: ${RECORD_KINDS.join(', ')}` });
    if (fields.encoding !== undefined && !ENCODINGS.includes(fields.encoding as EncodingChoice)) {
      errors.push({ field: 'encoding', reason: `must be one of: ${ENCODINGS.join(', ')}` });
    }
    for (const name of Object.keys(fields)) {
      if (name !== 'kind' && name !== 'encoding') errors.push({ field: name, reason: 'is not a known field' });
    }
    return errors;
  }

  /** Decodes, parses and stores a CSV stream. Exposed for tests and for other intake paths. */
  async importStream(kind: RecordKind, choice: EncodingChoice, bytes: AsyncIterable<Buffer>, actor: Actor): Promise<ImportResult> {
    let encoding: Encoding = 'utf-8';
    const text = decodeStream(bytes, choice, (e) => {
      encoding = e;
    });
    const first = await text.next();
    const head = first.done ? '' : first.value;
    const delimiter = detectDelimiter(head.split(/\r?\n/, 1)[0]);
    const csv = Readable.from(prepend(head, text)).pipe(
      parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true, info: true }),
    );
    const result: ImportResult = { kind, encoding, delimiter, rows: 0, summary: { created: 0, updated: 0, unchanged: 0, failed: 0 }, results: [] };
    // Rows the parser cannot read (an unclosed quote) fail alone; the others go on.
    csv.on('skip', (err: { code?: string; lines?: number }) => {
      const reason = err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'has a quote that is never closed' : 'is not valid CSV';
      result.summary.failed++;
      result.results.push({ row: 0, line: err.lines ?? 0, result: 'failed', errors: [{ field: 'row', reason }] });
    });
    let layout: CsvLayout | null = null;
    let headerWidth = 0;
    let pending: { line: number; item: ValidatedInput }[] = [];
    const flush = async () => {
      const stored = await this.records.submitMany(kind, pending.map((p) => p.item), actor);
      stored.forEach((outcome, i) => {
        result.summary[outcome.result]++;
        result.results.push({
          row: 0,
          line: pending[i].line,
          result: outcome.result,
          ...(outcome.id ? { id: outcome.id } : {}),
          ...(outcome.errors ? { errors: outcome.errors.map((e) => ({ ...e, field: columnName(e.field) })) } : {}),
        });
      });
      pending = [];
    };
    for await (const { record, info } of csv as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!layout) {
        const header = readHeader(kind, record);
        if ('errors' in header) throw new ValidationFailedError(header.errors, 'The CSV header has unknown or missing columns; nothing was stored');
        layout = header.layout;
        headerWidth = record.length;
        continue;
      }
      const item: ValidatedInput =
        record.length !== headerWidth
          ? { ok: false, errors: [{ field: 'row', reason: `has ${record.length} cells; the header has ${headerWidth}` }] }
          : validateRecordInput(kind, rowToInput(layout, record));
      pending.push({ line: info.lines, item });
      if (pending.length >= ROWS_PER_CHUNK) await flush();
    }
    if (!layout) throw new ValidationFailedError([{ field: 'file', reason: 'is empty; it needs a header row' }]);
    await flush();
    // Data rows numbered from 1 in file order (the header is not a row).
    result.results.sort((a, b) => a.line - b.line).forEach((r, i) => (r.row = i + 1));
    result.rows = result.results.length;
    await this.audit.record({ action: 'import.completed', entityType: kind, details: { rows: result.rows, ...result.summary, encoding } }, actor);
    return result;
  }
}

async function* prepend(head: string, rest: AsyncIterable<string>): AsyncGenerator<string> {
  if (head) yield head;
  for await (const chunk of rest) yield chunk;
}
