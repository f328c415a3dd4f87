import { readAlarmBlock } from './alarm-block.js';
import { cleanTranscript } from './clean-transcript.js';
import type { AlarmSection, ParsedAlarm, ParsedTranscript, TranscriptFailure } from './parsed-alarm.js';

// Section headers, whatever dashes surround them, and the alarm block tags.
// "not yet sent" is tried first: "sent out to UCM" is also a part of it.
const MARKER =
  /(Alarms\s+not\s+yet\s+sent\s+out\s+to\s+UCM)|(Alarms\s+sent\s+out\s+to\s+UCM)|(<\s*x-cisco-alarm\b[^>]*>)|(<\s*\/\s*x-cisco-alarm\s*>)/gi;
const DOCTYPE = /<!DOCTYPE/i;
// What debug shells answer to a command they lack.
const UNKNOWN_COMMAND =
  /unknown command|command not found|invalid command|unrecognized command|not recognized|bad command|no such command|invalid input/i;

interface OpenBlock {
  readonly start: number;
  readonly section: AlarmSection | null;
}

/**
 * Parses the output of the phone's `show unreg` command. Never throws: text
 * that holds no `show unreg` output comes back as a failure.
 */
export function parseShowUnreg(raw: string): ParsedTranscript {
  const text = cleanTranscript(raw);
  const alarms: ParsedAlarm[] = [];
  const warnings: string[] = [];
  if (DOCTYPE.test(text)) warnings.push('a DOCTYPE declaration was ignored (entities are never expanded)');
  let section: AlarmSection | null = null;
  let sawHeader = false;
  let open: OpenBlock | null = null;
  let blocks = 0;
  MARKER.lastIndex = 0;
  for (let marker = MARKER.exec(text); marker !== null; marker = MARKER.exec(text)) {
    if (marker[1] !== undefined || marker[2] !== undefined) {
      section = marker[1] !== undefined ? 'unsent' : 'sent';
      sawHeader = true;
    } else if (marker[3] !== undefined) {
      if (open !== null) warnings.push(cutOffWarning(text, open.start, 'a new block started'));
      blocks += 1;
      open = { start: MARKER.lastIndex, section };
    } else if (open !== null) {
      const alarm = toAlarm(text.slice(open.start, marker.index), open, text, warnings);
      if (alarm !== null) alarms.push(alarm);
      open = null;
    }
  }
  if (open !== null) warnings.push(cutOffWarning(text, open.start, 'the output ended'));
  const failure = sawHeader || blocks > 0 ? null : noOutputFailure(text);
  return { alarms, warnings, failure };
}

function toAlarm(block: string, open: OpenBlock, text: string, warnings: string[]): ParsedAlarm | null {
  const content = readAlarmBlock(block);
  const where = `alarm block at line ${lineOf(text, open.start)}`;
  if (content.name === null) {
    warnings.push(`${where} has no <Alarm Name="...">; skipped`);
    return null;
  }
  for (const parameter of content.unclosed) warnings.push(`${where}: parameter ${parameter} has no closing tag`);
  if (open.section === null) warnings.push(`${where} comes before any section header; counted as sent`);
  return { section: open.section ?? 'sent', name: content.name, params: content.params };
}

function cutOffWarning(text: string, start: number, why: string): string {
  return `alarm block at line ${lineOf(text, start)} is cut off (${why} before </x-cisco-alarm>); skipped`;
}

function noOutputFailure(text: string): TranscriptFailure {
  const unknown = UNKNOWN_COMMAND.exec(text);
  if (unknown !== null) {
    return {
      kind: 'unsupported',
      message: `the phone does not know 'show unreg': "${lineAround(text, unknown.index)}"`,
    };
  }
  if (text.trim() === '') return { kind: 'parse', message: 'empty input: no show unreg output' };
  return { kind: 'parse', message: 'no show unreg output found (no section header and no <x-cisco-alarm> block)' };
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text
    .slice(start, end === -1 ? text.length : end)
    .trim()
    .slice(0, 200);
}
