/**
 * Output files written the safe way: text is appended to a temporary file beside the target
 * (`.<name>.<pid>.<random>.tmp`, created exclusively), flushed to disk, and renamed over the
 * target only when the whole file is written. An interrupted run leaves the old file or none,
 * never half of one; `abort` removes the temporary file, and `sweepStaleTemporaries` removes
 * those of a run that was killed outright (its process no longer exists).
 */
import { open, mkdir, readdir, rename, rm, type FileHandle } from "node:fs/promises";
import { dirname, join } from "node:path";
import { temporaryPathFor } from "./write.js";

const FLUSH_AT = 64 * 1024;
const COPY_CHUNK = 1024 * 1024;

/**
 * A file written through a buffer: text (as UTF-8) and bytes gather until FLUSH_AT bytes, then go
 * out in one write.
 */
abstract class BufferedFile {
  protected chunks: Uint8Array[] = [];
  private buffered = 0;
  protected closed = false;

  protected constructor(protected readonly handle: FileHandle) {}

  async write(data: string | Uint8Array): Promise<void> {
    if (data.length === 0) return;
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    this.chunks.push(bytes);
    this.buffered += bytes.byteLength;
    if (this.buffered >= FLUSH_AT) await this.flush();
  }

  protected async flush(): Promise<void> {
    if (this.chunks.length === 0) return;
    const chunks = this.chunks;
    this.chunks = [];
    this.buffered = 0;
    await this.handle.writev(chunks);
  }
}

export class AtomicFile extends BufferedFile {
  private constructor(
    readonly path: string,
    readonly temporary: string,
    handle: FileHandle,
  ) {
    super(handle);
  }

  static async create(path: string): Promise<AtomicFile> {
    await mkdir(dirname(path), { recursive: true });
    const temporary = temporaryPathFor(path);
    const handle = await open(temporary, "wx");
    return new AtomicFile(path, temporary, handle);
  }


  /** Append the bytes of another file as they are (a part set aside, see SpillFile), a megabyte at a time. */
  async appendFrom(path: string): Promise<void> {
    await this.flush();
    const source = await open(path, "r");
    try {
      const buffer = Buffer.allocUnsafe(COPY_CHUNK);
      for (;;) {
        const { bytesRead } = await source.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        await this.handle.write(buffer, 0, bytesRead);
      }
    } finally {
      await source.close();
    }
  }

  /** Write what is buffered, make it durable, and put the file in place. */
  async commit(): Promise<void> {
    await this.finish();
    await this.publish();
  }

  /** Write what is buffered and make it durable; the target is not touched yet. */
  async finish(): Promise<void> {
    try {
      await this.flush();
      await this.handle.sync();
      await this.close();
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** After finish: the temporary file replaces the target in one step. */
  async publish(): Promise<void> {
    try {
      await rename(this.temporary, this.path);
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Give up: the temporary file goes, the target is untouched. */
  async abort(): Promise<void> {
    this.chunks = [];
    await this.close().catch(() => undefined);
    await rm(this.temporary, { force: true });
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}

/**
 * Text set aside on disk until its turn: the CSV rows of an input too big to hold in memory, which
 * the writer of the output then appends (AtomicFile.appendFrom) and removes. It is named as a
 * temporary file beside that output, so that an interrupted or killed run's is swept as theirs are.
 */
export class SpillFile extends BufferedFile {
  private constructor(
    readonly path: string,
    handle: FileHandle,
  ) {
    super(handle);
  }

  static async create(beside: string): Promise<SpillFile> {
    const path = temporaryPathFor(beside);
    return new SpillFile(path, await open(path, "wx"));
  }


  /** Write what is buffered; the file is then complete (not made durable: it lives for one run). */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    await this.handle.close();
  }

  async remove(): Promise<void> {
    this.chunks = [];
    if (!this.closed) {
      this.closed = true;
      await this.handle.close().catch(() => undefined);
    }
    await rm(this.path, { force: true });
  }
}

const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Remove the temporary files that a killed run left in `folder` (recursively): only names of the
 * form this module makes, and only when the process that made them is gone. Returns how many.
 */
export async function sweepStaleTemporaries(folder: string): Promise<number> {
  return sweepTemporaries(folder, (pid) => pid !== process.pid && !running(pid));
}

/**
 * Remove this process's own temporary files in `folder`, after an interrupted run: a worker
 * thread stopped in the middle of writing a file cannot remove its temporary file itself.
 */
export async function sweepOwnTemporaries(folder: string): Promise<number> {
  return sweepTemporaries(folder, (pid) => pid === process.pid);
}

async function sweepTemporaries(folder: string, isToRemove: (pid: number) => boolean): Promise<number> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const match = entry.isFile() ? TEMPORARY.exec(entry.name) : null;
    if (!match || !isToRemove(Number(match[1]))) continue;
    await rm(join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name), { force: true });
    removed++;
  }
  return removed;
}
