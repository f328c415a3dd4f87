import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { EventSource, SyslogEvent } from '../report/syslog-event.js';
import { deviceKey, isoToMs, outOfServiceMs } from './event-time.js';
import { float64Column, int32Column, uint8Column } from './number-column.js';

const WRITE_BUFFER_BYTES = 1 << 20;
const SOURCES: readonly EventSource[] = ['cucm', 'phone'];

/**
 * The events read, kept on disk so that memory does not grow with the
 * input: each event is one JSON text in a temporary file, read back when a
 * report needs it. What pairing and sorting need
 * stays in memory, in typed arrays: about 40 bytes an event.
 */
export class SyslogEventStore {
  private readonly deviceIds = int32Column();
  private readonly sources = uint8Column();
  private readonly outOfService = float64Column();
  private readonly times = float64Column();
  private readonly reasons = float64Column();
  private readonly offsets = float64Column();
  private readonly lengths = int32Column();
  private readonly deviceIdByKey = new Map<string, number>();
  private readonly deviceNames: string[] = [];
  private readonly deviceKeys: string[] = [];
  // Events are encoded straight into this one buffer, written out when full:
  // a Buffer per event would pile up as garbage outside the JS heap (V8
  // collects that late), and memory would grow with the events after all.
  private readonly writeBuffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  private pendingBytes = 0;
  private fileBytes = 0;
  private readBuffer = Buffer.alloc(64 * 1024);
  private fd: number | null;
  /** Where the events are written: unlinked (with its folder) as soon as it is open, where the system allows. */
  private readonly path: string;

  /** `parent`: where the store's own temporary folder goes. */
  constructor(parent = tmpdir()) {
    const folder = mkdtempSync(join(parent, 'unreg-syslog-'));
    this.path = join(folder, 'events.ndjson');
    this.fd = openSync(this.path, 'w+', 0o600);
    this.removeFile();
  }

  get size(): number {
    return this.deviceIds.length;
  }

  add(event: SyslogEvent): void {
    const json = JSON.stringify(event);
    const length = Buffer.byteLength(json);
    if (this.pendingBytes + length > this.writeBuffer.length) this.flush();
    this.offsets.push(this.fileBytes + this.pendingBytes);
    this.lengths.push(length);
    if (length > this.writeBuffer.length) this.writeOut(Buffer.from(json));
    else this.pendingBytes += this.writeBuffer.write(json, this.pendingBytes);
    this.sources.push(SOURCES.indexOf(event.source));
    this.outOfService.push(outOfServiceMs(event) ?? Number.NaN);
    this.times.push(isoToMs(event.time) ?? Number.NaN);
    this.reasons.push(event.reasonCode ?? Number.NaN);
    // Last: its length is the store's size.
    this.deviceIds.push(this.deviceIdFor(event.deviceName));
  }

  /** The event as it was added. */
  get(index: number): SyslogEvent {
    return JSON.parse(this.json(index)) as SyslogEvent;
  }

  /** The event as it was added, as JSON text (what the store keeps: more compact than the object). */
  json(index: number): string {
    this.check(index);
    const offset = this.offsets.at(index);
    const length = this.lengths.at(index);
    if (offset + length > this.fileBytes) this.flush();
    if (this.readBuffer.length < length) this.readBuffer = Buffer.alloc(length);
    const fd = this.openFd();
    for (let done = 0; done < length; ) {
      const read = readSync(fd, this.readBuffer, done, length - done, offset + done);
      if (read === 0) throw new Error('event store: file shorter than written');
      done += read;
    }
    return this.readBuffer.toString('utf8', 0, length);
  }

  /** Every event, in the order added (for tests and bench/syslog.bench.ts: reports go by index). */
  *events(): Generator<SyslogEvent> {
    for (let index = 0; index < this.size; index += 1) yield this.get(index);
  }

  source(index: number): EventSource {
    return SOURCES[this.sources.at(index)] ?? 'cucm';
  }

  /** The same number for every spelling of a device name (see deviceKey). */
  deviceId(index: number): number {
    return this.deviceIds.at(index);
  }

  /** The device name as first met, and its key (upper case) that orders devices. */
  deviceName(id: number): string {
    return this.deviceNames[id] ?? '';
  }

  deviceSortKey(id: number): string {
    return this.deviceKeys[id] ?? '';
  }

  /** See outOfServiceMs; null when unknown. */
  outOfServiceMs(index: number): number | null {
    return orNull(this.outOfService.at(index));
  }

  /** The event's `time` as epoch ms; null when unknown. */
  timeMs(index: number): number | null {
    return orNull(this.times.at(index));
  }

  reasonCode(index: number): number | null {
    return orNull(this.reasons.at(index));
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    this.removeFile();
  }

  // Unlinking an open file keeps it readable until closed (POSIX, and Windows
  // through libuv's FILE_SHARE_DELETE): then nothing is left behind even if
  // the process is killed. Where the system refuses, close() tries again.
  private removeFile(): void {
    try {
      unlinkSync(this.path);
      rmdirSync(dirname(this.path));
    } catch {
      // Left for close().
    }
  }

  private deviceIdFor(name: string): number {
    const key = deviceKey(name);
    let id = this.deviceIdByKey.get(key);
    if (id === undefined) {
      id = this.deviceNames.length;
      this.deviceIdByKey.set(key, id);
      this.deviceNames.push(name);
      this.deviceKeys.push(key);
    }
    return id;
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const pending = this.pendingBytes;
    this.pendingBytes = 0;
    this.writeOut(this.writeBuffer.subarray(0, pending));
  }

  private writeOut(bytes: Buffer): void {
    const fd = this.openFd();
    for (let done = 0; done < bytes.length; )
      done += writeSync(fd, bytes, done, bytes.length - done, this.fileBytes + done);
    this.fileBytes += bytes.length;
  }

  private check(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new RangeError(`no event ${index}`);
  }

  private openFd(): number {
    if (this.fd === null) throw new Error('event store is closed');
    return this.fd;
  }
}

function orNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
