import type { Database } from 'better-sqlite3';
import type { PhoneEntry } from '../report/report-document.js';
import { openHistory } from './history-store.js';
import { type RunDescription, RunRecorder } from './run-recorder.js';

/**
 * `--history` for a command that reads phones: one more consumer of the
 * report's phone entries, beside the renderer. The file is opened (and
 * checked) before any phone is read; a failure while recording stops the
 * recording, not the report, and is given back by `finish`.
 */
export class HistoryRecording {
  readonly path: string;
  readonly #db: Database;
  readonly #recorder: RunRecorder;
  #failure: Error | null = null;

  private constructor(path: string, db: Database, recorder: RunRecorder) {
    this.path = path;
    this.#db = db;
    this.#recorder = recorder;
  }

  static async start(path: string, run: RunDescription): Promise<HistoryRecording> {
    const db = await openHistory(path, { create: true });
    try {
      return new HistoryRecording(path, db, new RunRecorder(db, path, run));
    } catch (error) {
      db.close();
      throw error;
    }
  }

  phone(entry: PhoneEntry): void {
    if (this.#failure !== null) return;
    try {
      this.#recorder.phone(entry);
    } catch (error) {
      this.#failure = error as Error;
    }
  }

  /** Ends the run (complete, or interrupted) and closes the file; gives what went wrong, if anything did. */
  finish(complete: boolean): Error | null {
    try {
      if (this.#failure === null) this.#recorder.end(complete);
    } catch (error) {
      this.#failure = error as Error;
    } finally {
      this.#db.close();
    }
    return this.#failure;
  }

  /** Closes the file, leaving the run incomplete. */
  abandon(): void {
    this.#db.close();
  }
}
