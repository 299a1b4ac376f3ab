import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { renameSynced, synced } from '../durable-files.io.js';
import type { LeafRecord } from '../verification/leaf-record.js';
import { ExportLineIsMalformed, exportEntryLine, exportHeaderLine, parseExportEntry, parseExportHeader, type ExportHeader } from './export-file.js';
import { LogSourceFailed, type LogSource } from './log-source.js';

const CHUNK = 1 << 20;

/**
 * The file's lines, read in 1 MiB chunks into one buffer used again for every chunk, and split on LF
 * (a trailing CR is dropped): holds that buffer and one partial line at a time. Faster than
 * `readline` for lines of a few kilobytes. Not a read stream: its fresh 1 MiB buffer per chunk is
 * garbage outside V8's heap, which V8 collects only once ~64 MiB of it piled up, so the audit's
 * resident memory grew with the file up to that much.
 */
async function* linesOf(path: string): AsyncGenerator<string> {
  const file = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let partial: Buffer[] = [];
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, CHUNK, null);
      if (bytesRead === 0) break;
      let start = 0;
      for (let end = chunk.indexOf(0x0a); end !== -1 && end < bytesRead; end = chunk.indexOf(0x0a, start)) {
        // Only a line that spans two chunks is copied.
        const line = partial.length === 0 ? chunk.subarray(start, end) : Buffer.concat([...partial, chunk.subarray(start, end)]);
        partial = [];
        yield line.toString('utf8', 0, line.length > 0 && line[line.length - 1] === 0x0d ? line.length - 1 : line.length);
        start = end + 1;
      }
      // The buffer is read into again: what is left of a line is copied out of it.
      if (start < bytesRead) partial.push(Buffer.from(chunk.subarray(start, bytesRead)));
    }
    if (partial.length > 0) yield Buffer.concat(partial).toString('utf8');
  } finally {
    await file.close();
  }
}

/** An exported file as a log source: read line by line, never whole. */
export function exportFileSource(path: string): LogSource {
  const read = async <T>(what: () => Promise<T>): Promise<T> => {
    try {
      return await what();
    } catch (error) {
      if (error instanceof ExportLineIsMalformed) throw new LogSourceFailed(path, error.message);
      throw new LogSourceFailed(path, (error as Error).message);
    }
  };
  return {
    description: path,
    head: () =>
      read(async () => {
        for await (const line of linesOf(path)) return parseExportHeader(line);
        throw new ExportLineIsMalformed(1, 'the file is empty');
      }),
    async *entries(start, end) {
      const lines = linesOf(path);
      let lineNumber = 0;
      try {
        for (;;) {
          const next = await lines.next().catch((error: unknown) => {
            throw new LogSourceFailed(path, (error as Error).message);
          });
          if (next.done === true) return;
          lineNumber += 1;
          if (lineNumber === 1 || next.value === '') continue;
          const leaf = entryOf(next.value, lineNumber, path);
          if (leaf.sequence >= end) return;
          if (leaf.sequence >= start) yield leaf;
        }
      } finally {
        await lines.return(undefined);
      }
    },
  };
}

function entryOf(line: string, lineNumber: number, path: string): LeafRecord {
  try {
    return parseExportEntry(line, lineNumber);
  } catch (error) {
    throw new LogSourceFailed(path, (error as Error).message);
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
  const partial = `${path}.${process.pid}.partial`;
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
