import { closeSync, openSync, writeSync } from 'node:fs';
import { RecordingSinkError, type ByteSink } from '../monitors/byte-sink.js';

/**
 * A {@link ByteSink} writing a recording to a file as an Apache Arrow IPC stream (see
 * `ArrowRecordingEncoder` for the schema; pyarrow reads it with `pyarrow.ipc.open_stream(path)`,
 * polars with `pl.read_ipc_stream(path)`, arquero with `aq.fromArrow(bytes)`).
 *
 * Writes are synchronous (`fs.writeSync`): a disk slower than the simulation slows the run
 * instead of queueing bytes in memory, for `simulate()` as for simulation Observables, so memory
 * stays bounded. The file is opened (created or truncated) here: a path that cannot be written
 * fails now, before any run, with a {@link RecordingSinkError} naming it.
 *
 * @example
 * ```ts
 * const mon = new CompNeuroMonitors({ pop: ['v', 'spike'] }, { recordTo: arrowFile('run.arrow') });
 * mon.start();
 * simulate(1000);
 * await mon.closeRecording();  // writes the end of the stream and closes the file
 * ```
 */
export function arrowFile(path: string): ByteSink {
  if (typeof path !== 'string' || path === '') throw new Error(`arrowFile: expected a file path, got ${String(path)}`);
  const name = `arrowFile(${path})`;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'w');
  } catch (e) {
    throw new RecordingSinkError(name, 'cannot open the file for writing', e);
  }
  let failed: unknown;
  return {
    name,
    write(pieces) {
      if (fd === undefined) throw new RecordingSinkError(name, 'the file is closed');
      if (failed !== undefined) throw new RecordingSinkError(name, 'an earlier write failed', failed);
      try {
        for (const bytes of pieces) for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      } catch (e) {
        failed = e;
        throw new RecordingSinkError(name, 'write failed', e);
      }
    },
    ready: () => undefined,
    synchronous: true,
    async close() {
      if (fd === undefined) return;
      const f = fd;
      fd = undefined;
      closeSync(f);
    },
  };
}
