import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { renameSynced, synced } from '../durable-files.io.js';
import type { LeafRecord } from '../verification/leaf-record.js';
import { ExportLineIsMalformed, exportEntryLine, exportHeaderLine, parseExportEntry, parseExportHeader, type ExportHeader } from './export-file.js';
import { EntryIsUnreadable, LogSourceFailed, type LogSource } from './log-source.js';

const CHUNK = 1 << 20;

/** The longest line an export file may hold: far above the largest entry (a request body is at most 1 MiB, in base64 in the line). */
export const MAX_EXPORT_LINE_BYTES = 16 << 20;

/** A line of the file, and whether a line feed ended it (the last line of a file cut short has none). */
interface Line {
  readonly text: string;
  readonly ended: boolean;
}

/** A line longer than any entry: read no further, rather than hold a file without line feeds whole. */
class LineIsTooLong extends Error {
  constructor(readonly lineNumber: number, limit: number) {
    super(`line ${lineNumber} of the export: longer than ${limit / (1 << 20)} MiB, more than any entry`);
    this.name = 'LineIsTooLong';
  }
}

/**
 * The file's lines, read in 1 MiB chunks into one buffer used again for every chunk, and split on LF
 * (a trailing CR is dropped): holds that buffer and one partial line of at most `maxLine` bytes at a
 * time. Faster than `readline` for lines of a few kilobytes. Not a read stream: its fresh 1 MiB
 * buffer per chunk is garbage outside V8's heap, which V8 collects only once ~64 MiB of it piled
 * up, so the audit's resident memory grew with the file up to that much.
 */
async function* linesOf(path: string, maxLine: number): AsyncGenerator<Line> {
  const file = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let partial: Buffer[] = [];
    let partialBytes = 0;
    let lineNumber = 1;
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, CHUNK, null);
      if (bytesRead === 0) break;
      let start = 0;
      for (let end = chunk.indexOf(0x0a); end !== -1 && end < bytesRead; end = chunk.indexOf(0x0a, start)) {
        if (partialBytes + end - start > maxLine) throw new LineIsTooLong(lineNumber, maxLine);
        // Only a line that spans two chunks is copied.
        const line = partial.length === 0 ? chunk.subarray(start, end) : Buffer.concat([...partial, chunk.subarray(start, end)]);
        partial = [];
        partialBytes = 0;
        yield { text: line.toString('utf8', 0, line.length > 0 && line[line.length - 1] === 0x0d ? line.length - 1 : line.length), ended: true };
        lineNumber += 1;
        start = end + 1;
      }
      // The buffer is read into again: what is left of a line is copied out of it.
      if (start < bytesRead) {
        partialBytes += bytesRead - start;
        if (partialBytes > maxLine) throw new LineIsTooLong(lineNumber, maxLine);
        partial.push(Buffer.from(chunk.subarray(start, bytesRead)));
      }
    }
    if (partial.length > 0) yield { text: Buffer.concat(partial).toString('utf8'), ended: false };
  } finally {
    await file.close();
  }
}

export interface ExportFileSourceOptions {
  /** The longest line read. Default `MAX_EXPORT_LINE_BYTES`. */
  readonly maxLineBytes?: number;
}

/**
 * An exported file as a log source: read line by line, never whole. A file that cannot be opened or
 * whose header is not an export's fails the source (the audit could not run). An entry line that is
 * no entry line (not JSON: a garbled line, a line feed flipped; too long; a file cut short inside
 * it) is a fault of the log's copy: `EntryIsUnreadable`, which the audit names as the entry it
 * expected there (line N holds entry N−2). Lines are handed on with the sequence they carry, a
 * negative one too (for the audit to find out of place).
 */
export function exportFileSource(path: string, options: ExportFileSourceOptions = {}): LogSource {
  const maxLine = options.maxLineBytes ?? MAX_EXPORT_LINE_BYTES;
  const read = async <T>(what: () => Promise<T>): Promise<T> => {
    try {
      return await what();
    } catch (error) {
      throw new LogSourceFailed(path, (error as Error).message);
    }
  };
  return {
    description: path,
    head: () =>
      read(async () => {
        for await (const line of linesOf(path, maxLine)) return parseExportHeader(line.text);
        throw new ExportLineIsMalformed(1, 'the file is empty');
      }),
    async *entries(start, end) {
      const lines = linesOf(path, maxLine);
      let lineNumber = 0;
      try {
        for (;;) {
          const next = await lines.next().catch((error: unknown) => {
            if (error instanceof LineIsTooLong && error.lineNumber > 1) throw new EntryIsUnreadable(error.message);
            throw new LogSourceFailed(path, (error as Error).message);
          });
          if (next.done === true) return;
          lineNumber += 1;
          if (lineNumber === 1 || next.value.text === '') continue;
          const leaf = entryOf(next.value, lineNumber);
          if (leaf.sequence >= end) return;
          if (leaf.sequence >= start || leaf.sequence < 0) yield leaf;
        }
      } finally {
        await lines.return(undefined);
      }
    },
  };
}

function entryOf(line: Line, lineNumber: number): LeafRecord {
  try {
    return parseExportEntry(line.text, lineNumber);
  } catch (error) {
    if (!line.ended) throw new EntryIsUnreadable(`the export is cut short in line ${lineNumber}`, true);
    throw new EntryIsUnreadable((error as Error).message);
  }
}

/**
 * Writes an export: the header, then the entries as they come, to `path` via a temporary file
 * renamed at the end, so a failed export never leaves a truncated file that looks whole. The file
 * reaches the disk before the rename and the rename before this resolves (fsync of the file, then of
 * its directory), so a crash of the machine cannot leave an empty or partial file under `path`
 * either. Returns the number of entries written.
 */
export async function writeExportFile(path: string, header: Omit<ExportHeader, 'format' | 'version'>, entries: AsyncIterable<LeafRecord>): Promise<number> {
  const partial = `${path}.${process.pid}.${randomUUID()}.partial`;
  const out = createWriteStream(partial, { mode: 0o644 });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let written = 0;
  try {
    await write(exportHeaderLine(header));
    for await (const leaf of entries) {
      await write(exportEntryLine(leaf));
      written += 1;
    }
    out.end();
    await once(out, 'close');
    await synced(partial);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, path);
  await renameSynced(path);
  return written;
}
