import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type EncodingChoice = 'auto' | 'utf-8' | 'latin1';
export type Encoding = 'utf-8' | 'windows-1252';

/** Bytes looked at to tell UTF-8 from Latin-1 when the submitter does not say. */
export const DETECTION_BYTES = 64 * 1024;

/**
 * UTF-8 when the first bytes are valid UTF-8 (a multi-byte character cut at the end of the sample is allowed),
 * else Latin-1, read as Windows-1252: the superset spreadsheet programs write, which also has typographic
 * apostrophes (K’iche’).
 */
export function detectEncoding(sample: Buffer, complete: boolean): Encoding {
  for (let cut = 0; cut <= (complete ? 0 : 3); cut++) {
    if (isUtf8(sample.subarray(0, sample.length - cut))) return 'utf-8';
  }
  return 'windows-1252';
}

/** Decodes a byte stream to text, choosing the encoding from the first DETECTION_BYTES when asked to. */
export async function* decodeStream(
  bytes: AsyncIterable<Buffer>,
  choice: EncodingChoice,
  onEncoding: (encoding: Encoding) => void,
): AsyncGenerator<string> {
  let decoder: ReturnType<typeof iconv.getDecoder> | null = null;
  const pending: Buffer[] = [];
  let pendingLength = 0;
  const start = (complete: boolean) => {
    const encoding: Encoding =
      choice === 'utf-8' ? 'utf-8' : choice === 'latin1' ? 'windows-1252' : detectEncoding(Buffer.concat(pending), complete);
    onEncoding(encoding);
    decoder = iconv.getDecoder(encoding === 'utf-8' ? 'utf8' : 'win1252');
    const text = decoder.write(Buffer.concat(pending));
    pending.length = 0;
    return text;
  };
  for await (const chunk of bytes) {
    if (decoder) {
      yield (decoder as ReturnType<typeof iconv.getDecoder>).write(chunk);
      continue;
    }
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingLength >= DETECTION_BYTES) yield start(false);
  }
  if (!decoder) yield start(true);
  const rest = (decoder as unknown as ReturnType<typeof iconv.getDecoder>).end();
  if (rest) yield rest;
}

/** The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes. */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return (count > 0 ? best : ',') as ',' | ';' | '\t';
}
