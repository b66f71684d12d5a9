/**
 * The worker thread's entry point (loaded by piscina as dist/batch/worker.js): one file in, one
 * result out. A failure is a result, never a thrown error, so one bad file costs one line.
 */
import { processFile, type FileResult, type FileTask } from "./task.js";

export default function convertFile(task: FileTask): Promise<FileResult> {
  return processFile(task);
}
