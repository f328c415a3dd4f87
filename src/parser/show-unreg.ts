import { cleanTranscript } from '../transcript/clean-transcript.js';
import { readAlarmBlock } from './alarm-block.js';
import { LineCounter } from './line-counter.js';
import type { AlarmSection, ParsedAlarm, ParsedTranscript } from './parsed-alarm.js';
import { noOutputFailure } from './transcript-failure.js';

// Section headers, whatever dashes surround them, and the alarm block tags.
// "not yet sent" is tried first: "sent out to UCM" is also a part of it.
// `[^<>]*` keeps a failed attempt on `<x-cisco-alarm` short on hostile input.
const MARKER =
  /(Alarms\s+not\s+yet\s+sent\s+out\s+to\s+UCM)|(Alarms\s+sent\s+out\s+to\s+UCM)|(<\s*x-cisco-alarm(?=[\s/>])[^<>]*>)|(<\s*\/\s*x-cisco-alarm\s*>)/gi;
const DOCTYPE = /<!DOCTYPE/i;
// A hostile or broken transcript could otherwise yield a warning per byte.
const MAX_WARNINGS = 100;

interface OpenBlock {
  readonly start: number;
  readonly section: AlarmSection | null;
}

/** Collects an entry's warnings, each naming its line, up to a cap. */
class Warnings {
  readonly list: string[] = [];
  private dropped = 0;
  private readonly lines: LineCounter;

  constructor(text: string) {
    this.lines = new LineCounter(text);
  }

  add(message: string): void {
    if (this.list.length < MAX_WARNINGS) this.list.push(message);
    else this.dropped += 1;
  }

  /** "alarm block at line N", for the block opened at `position`. */
  where(position: number): string {
    return `alarm block at line ${this.lines.lineAt(position)}`;
  }

  done(): string[] {
    if (this.dropped > 0) this.list.push(`${this.dropped} more warnings not shown`);
    return this.list;
  }
}

/**
 * Parses the output of the phone's `show unreg` command, as a pty delivered
 * it or as a person pasted it. Never throws: text that holds no `show unreg`
 * output comes back as a failure; a block cut off gives a warning, and every
 * complete alarm before it is kept.
 */
export function parseShowUnreg(raw: string): ParsedTranscript {
  const text = cleanTranscript(raw);
  const alarms: ParsedAlarm[] = [];
  const warnings = new Warnings(text);
  if (DOCTYPE.test(text)) warnings.add('a DOCTYPE declaration was ignored (entities are never expanded)');
  let section: AlarmSection | null = null;
  let sawHeader = false;
  let open: OpenBlock | null = null;
  let blocks = 0;
  MARKER.lastIndex = 0;
  for (let marker = MARKER.exec(text); marker !== null; marker = MARKER.exec(text)) {
    if (marker[1] !== undefined || marker[2] !== undefined) {
      if (open !== null) warnings.add(cutOff(warnings, open, 'a section header came'));
      open = null;
      section = marker[1] !== undefined ? 'unsent' : 'sent';
      sawHeader = true;
    } else if (marker[3] !== undefined) {
      if (open !== null) warnings.add(cutOff(warnings, open, 'a new block started'));
      blocks += 1;
      open = { start: MARKER.lastIndex, section };
    } else if (open !== null) {
      const alarm = toAlarm(text.slice(open.start, marker.index), open, warnings);
      if (alarm !== null) alarms.push(alarm);
      open = null;
    }
  }
  if (open !== null) warnings.add(cutOff(warnings, open, 'the output ended'));
  const failure = sawHeader || blocks > 0 ? null : noOutputFailure(text);
  return { alarms, warnings: warnings.done(), failure };
}

function toAlarm(block: string, open: OpenBlock, warnings: Warnings): ParsedAlarm | null {
  const content = readAlarmBlock(block);
  if (content.name === null) {
    warnings.add(`${warnings.where(open.start)} has no <Alarm Name="...">; skipped`);
    return null;
  }
  for (const parameter of content.unclosed) {
    warnings.add(`${warnings.where(open.start)}: parameter ${parameter} has no closing tag; value read to end of line`);
  }
  if (open.section === null)
    warnings.add(`${warnings.where(open.start)} comes before any section header; counted as sent`);
  return { section: open.section ?? 'sent', name: content.name, params: content.params };
}

function cutOff(warnings: Warnings, open: OpenBlock, why: string): string {
  return `${warnings.where(open.start)} is cut off (${why} before </x-cisco-alarm>); skipped`;
}
