// The `unreg syslog` document is a public contract (docs/syslog.md): field
// names and types change only with its schemaVersion.

/** Whose reason an event carries: CUCM's own, or the phone's relayed by CUCM. */
export type EventSource = 'cucm' | 'phone';

/** The alarms read from CUCM syslog. */
export type SyslogAlarmName = 'EndPointUnregistered' | 'LastOutOfServiceInformation' | 'DeviceUnregistered';

/** One unregistration alarm found in a syslog file. */
export interface SyslogEvent {
  readonly source: EventSource;
  readonly alarm: SyslogAlarmName;
  readonly deviceName: string;
  readonly reasonCode: number | null;
  readonly reasonName: string | null;
  /** From the line's syslog header when it has one, else the alarm's TimeStamp. */
  readonly time: string | null;
  readonly ipAddress: string | null;
  readonly node: string | null;
  /** The file as named on the command line (`-` for standard input). */
  readonly file: string;
  /** 1-based line number within that file. */
  readonly line: number;
  /** Every key of the alarm, verbatim. */
  readonly params: Readonly<Record<string, string>>;
}

/** An alarm line that could not be read: reported, skipped, never fatal. */
export interface MalformedLine {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** What reading the syslog input amounted to. lines = events + skipped + malformedTotal. */
export interface SyslogReadSummary {
  readonly lines: number;
  readonly events: number;
  readonly skipped: number;
  /** Every malformed line, counted. */
  readonly malformedTotal: number;
  /** The first MALFORMED_KEPT of them (read-syslog.ts), in input order. */
  readonly malformed: readonly MalformedLine[];
}
