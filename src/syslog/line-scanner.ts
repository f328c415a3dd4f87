const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

// Every alarm name we read contains one of these (test/syslog/line-scanner.test.ts
// checks it): `Unregistered` finds EndPointUnregistered and DeviceUnregistered.
const NEEDLES = [Buffer.from('Unregistered'), Buffer.from('LastOutOfServiceInformation')];

export const MAX_LINE_BYTES = 1 << 20;

/** What the scanner hands on: candidate lines decoded, and lines too long to hold. */
export interface ScanHandler {
  candidate(text: string, lineNumber: number): void;
  overlong(lineNumber: number): void;
}

/**
 * Splits a byte stream into lines without decoding it: only lines that
 * contain an alarm name become strings (so a multi-byte character split
 * between chunks is whole again), the rest are only counted. Memory stays
 * at one chunk plus one line, whatever the input's size; a line longer than
 * `maxLineBytes` is reported, not held.
 */
export class LineScanner {
  /** Lines finished so far. */
  lines = 0;
  private pending: Buffer = Buffer.alloc(0);
  private overlongLine = false;

  constructor(
    private readonly handler: ScanHandler,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {}

  /** Feeds the next bytes; the chunk may be reused by the caller once this returns. */
  push(chunk: Buffer): void {
    const first = chunk.indexOf(NEWLINE);
    if (first < 0) {
      this.hold(chunk);
      return;
    }
    this.finishPendingLine(chunk.subarray(0, first + 1));
    const last = chunk.lastIndexOf(NEWLINE);
    if (last > first) this.scan(chunk, first + 1, last + 1);
    this.hold(chunk.subarray(last + 1));
  }

  /** The input ended: a last line without a line break still counts. */
  end(): void {
    if (this.pending.length > 0 || this.overlongLine) this.finishPendingLine(Buffer.from([NEWLINE]));
  }

  private hold(bytes: Buffer): void {
    if (this.overlongLine || bytes.length === 0) return;
    if (this.pending.length + bytes.length > this.maxLineBytes) {
      this.overlongLine = true;
      this.pending = Buffer.alloc(0);
      return;
    }
    // A copy: the caller may reuse the chunk.
    this.pending = Buffer.concat([this.pending, bytes]);
  }

  /** `rest` is the start of a chunk up to and including its first line break. */
  private finishPendingLine(rest: Buffer): void {
    if (!this.overlongLine && this.pending.length + rest.length - 1 > this.maxLineBytes) this.overlongLine = true;
    if (this.overlongLine) {
      this.overlongLine = false;
      this.pending = Buffer.alloc(0);
      this.lines += 1;
      this.handler.overlong(this.lines);
      return;
    }
    const line = this.pending.length === 0 ? rest : Buffer.concat([this.pending, rest]);
    this.pending = Buffer.alloc(0);
    this.scan(line, 0, line.length);
  }

  /** [start, end) holds whole lines, the last one ending in a line break at end - 1. */
  private scan(bytes: Buffer, start: number, end: number): void {
    const hits = NEEDLES.map((needle) => nextHit(bytes, needle, start));
    let counted = start;
    for (;;) {
      const hit = nearest(hits, end);
      if (hit < 0) break;
      const lineStart = Math.max(start, bytes.lastIndexOf(NEWLINE, hit) + 1);
      const lineEnd = bytes.indexOf(NEWLINE, hit);
      this.countLines(bytes, counted, lineStart);
      this.lines += 1;
      if (lineEnd - lineStart > this.maxLineBytes) this.handler.overlong(this.lines);
      else {
        const textEnd = lineEnd > lineStart && bytes[lineEnd - 1] === CARRIAGE_RETURN ? lineEnd - 1 : lineEnd;
        this.handler.candidate(bytes.toString('utf8', lineStart, textEnd), this.lines);
      }
      counted = lineEnd + 1;
      for (const [index, needle] of NEEDLES.entries()) {
        if ((hits[index] ?? -1) < counted) hits[index] = nextHit(bytes, needle, counted);
      }
    }
    this.countLines(bytes, counted, end);
  }

  /**
   * Counts the lines in [from, to) (which starts a line and ends after a line
   * break). A line over the limit is reported whether or not it names an
   * alarm, so that the result never depends on where the chunks were cut.
   */
  private countLines(bytes: Buffer, from: number, to: number): void {
    let lineStart = from;
    for (let at = bytes.indexOf(NEWLINE, from); at >= 0 && at < to; at = bytes.indexOf(NEWLINE, at + 1)) {
      this.lines += 1;
      if (at - lineStart > this.maxLineBytes) this.handler.overlong(this.lines);
      lineStart = at + 1;
    }
  }
}

/**
 * Where `needle` next occurs from `from`; Infinity when nowhere: a needle
 * absent from the rest of the chunk is not looked for again after every
 * hit of the other (that made a chunk dense with one alarm and free of the
 * other cost a search to its end per alarm).
 */
function nextHit(bytes: Buffer, needle: Buffer, from: number): number {
  const at = bytes.indexOf(needle, from);
  return at < 0 ? Number.POSITIVE_INFINITY : at;
}

function nearest(hits: readonly number[], end: number): number {
  let best = -1;
  for (const hit of hits) if (hit >= 0 && hit < end && (best < 0 || hit < best)) best = hit;
  return best;
}
