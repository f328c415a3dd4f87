import type { ParsedAlarm } from '../parser/parsed-alarm.js';
import { formatShowUnreg } from './show-unreg-text.js';

/**
 * What a phone prints for `show unreg`, made once per phone on first use and
 * kept: sessions then only write a ready Buffer. Line ends are CR LF, as a
 * pty (onlcr) turns the phone's LF into.
 */
export class PhoneOutput {
  readonly #alarms: readonly ParsedAlarm[];
  #full: Buffer | null = null;
  #cut: Buffer | null = null;

  constructor(alarms: readonly ParsedAlarm[]) {
    this.#alarms = alarms;
  }

  /** The whole output, up to and including `<EOT>` and its line end. */
  showUnreg(): Buffer {
    this.#full ??= Buffer.from(toCrLf(formatShowUnreg(this.#alarms)));
    return this.#full;
  }

  /** The output as far as the middle of its last alarm block: where a dropping phone stops. */
  cutMidBlock(): Buffer {
    this.#cut ??= Buffer.from(toCrLf(cutInLastBlock(formatShowUnreg(this.#alarms))));
    return this.#cut;
  }
}

/** Up to halfway through the last `<x-cisco-alarm>` block (all of it when there is none). */
function cutInLastBlock(text: string): string {
  const start = text.lastIndexOf('<x-cisco-alarm>');
  if (start === -1) return text;
  const end = text.indexOf('</x-cisco-alarm>', start);
  return text.slice(0, start + Math.floor(((end === -1 ? text.length : end) - start) / 2));
}

function toCrLf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
