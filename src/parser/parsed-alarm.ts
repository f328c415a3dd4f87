import type { ErrorKind } from '../failure/error-kind.js';

/** Which part of `show unreg` an alarm was listed under. */
export type AlarmSection = 'sent' | 'unsent';

/** One `<x-cisco-alarm>` block as the phone sent it, before any decoding. */
export interface ParsedAlarm {
  readonly section: AlarmSection;
  /** The Alarm `Name` attribute, e.g. LastOutOfServiceInformation. */
  readonly name: string;
  /** Every `<String>`/`<Enum>` parameter, verbatim (XML entities decoded). */
  readonly params: Readonly<Record<string, string>>;
}

/** Why a transcript yielded no `show unreg` output at all (failure/error-kind.ts says which kind). */
export interface TranscriptFailure {
  readonly kind: ErrorKind;
  readonly message: string;
}

export interface ParsedTranscript {
  readonly alarms: ParsedAlarm[];
  readonly warnings: string[];
  /** Set when the text holds neither a section header nor an alarm block. */
  readonly failure: TranscriptFailure | null;
}
