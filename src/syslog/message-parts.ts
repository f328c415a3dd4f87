import type { SyslogAlarmName } from '../report/syslog-event.js';
import { alarmMessage } from './event-line.js';

// CiscoLog caps a message at 800 octets; a longer one (a LastOutOfServiceInformation
// with a long LastProtocolEventSent) is sent as several lines, each with the
// header and alarm name and then the tag `[part=S.i/M]`: part i of M of the
// message whose first part had sequence number S. The tag opens the message
// (`%Name: [part=16.2/3]...`) or its tag list (`%Name: %[part=16.1/3][DeviceName=...`).
const PART_TAG = /^(%?)\[part=(\d+)\.(\d+)\/(\d+)\]/;

/**
 * Messages waiting for parts, at most: past it the oldest is given up (a file
 * of orphan parts must not fill memory). Parts of one message come close together.
 */
const MAX_PENDING = 1000;

/** What a line amounts to: a line to read (as it came, or a message joined from its parts), or a fault. */
export type PartResult = { readonly text: string; readonly line: number } | { readonly malformed: string } | null;

/** A message given up: parts of it never came. */
export interface IncompleteMessage {
  /** The line of its first part seen. */
  readonly line: number;
  readonly message: string;
}

interface Pending {
  readonly alarm: SyslogAlarmName;
  readonly firstLine: number;
  /** Part i's text at i - 1: part 1 whole (its tag removed), the others from after their tag. */
  readonly texts: (string | undefined)[];
  received: number;
}

/**
 * Joins the parts of split messages within one file, in whatever order they
 * come (a node may interleave other messages between them): a part is held
 * until its message is whole, which then reads as one line with part 1's
 * header and line number. Every other line passes straight through.
 */
export class MessageParts {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly giveUp: (incomplete: IncompleteMessage) => void) {}

  /** null while the line's message still misses parts. */
  add(text: string, line: number): PartResult {
    const message = alarmMessage(text);
    const tag = message === null ? null : PART_TAG.exec(text.slice(message.bodyStart));
    if (message === null || tag === null) return { text, line };
    const [whole, percent, sequence, index, count] = tag;
    const head = text.slice(0, message.bodyStart) + percent;
    const after = text.slice(message.bodyStart + whole.length);
    const part = Number(index);
    const parts = Number(count);
    if (part < 1 || part > parts)
      return { malformed: `${message.alarm}: [part=${sequence}.${index}/${count}]: no such part` };
    if (parts === 1) return { text: head + after, line };
    const key = `${message.alarm}:${sequence}/${parts}`;
    const entry = this.pending.get(key) ?? this.start(key, message.alarm, parts, line);
    if (entry.texts[part - 1] !== undefined)
      return { malformed: `${message.alarm}: part ${part} of ${parts} of message ${sequence} given twice` };
    entry.texts[part - 1] = part === 1 ? head + after : after;
    entry.received += 1;
    if (entry.received < parts) return null;
    this.pending.delete(key);
    return { text: entry.texts.join(''), line: entry.firstLine };
  }

  /** The end of the file: every message still missing parts is given up. */
  end(): void {
    for (const key of [...this.pending.keys()]) this.abandon(key);
  }

  private start(key: string, alarm: SyslogAlarmName, parts: number, line: number): Pending {
    if (this.pending.size >= MAX_PENDING) this.abandon(this.pending.keys().next().value as string);
    const entry: Pending = { alarm, firstLine: line, texts: new Array(parts).fill(undefined), received: 0 };
    this.pending.set(key, entry);
    return entry;
  }

  private abandon(key: string): void {
    const entry = this.pending.get(key);
    if (entry === undefined) return;
    this.pending.delete(key);
    const missing = entry.texts.flatMap((text, at) => (text === undefined ? [at + 1] : []));
    this.giveUp({
      line: entry.firstLine,
      message: `${entry.alarm}: part ${missing.join(', ')} of ${entry.texts.length} of a split message not found`,
    });
  }
}
