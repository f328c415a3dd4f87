/** An alarm as stored, with its phone: what several answers list. */
export interface AlarmRow {
  device: string;
  stamp: string;
  reason: number;
  reason_name: string | null;
  category: string | null;
  first_run: number;
  first_at: number;
  last_run: number;
  last_at: number;
  sent_run: number | null;
  sent_at: number | null;
  first_section: string;
  device_name: string | null;
  host: string;
  site: string | null;
}

/** The columns of AlarmRow, for `SELECT ${ALARM_COLUMNS} FROM alarms a JOIN phones p ON p.id = a.phone_id`. */
export const ALARM_COLUMNS = `a.device, a.stamp, a.reason, a.reason_name, a.category, a.first_run, a.first_at,
  a.last_run, a.last_at, a.sent_run, a.sent_at, a.first_section, p.device_name, p.host, p.site`;

/** The device name of an alarm: its own DeviceName, or null when it had none (then it is keyed by its phone). */
export function alarmDeviceName(row: AlarmRow): string | null {
  return row.device === row.host && row.device_name !== row.device ? null : row.device;
}

/** What every answer says of an alarm, the key parts back as the report writes them. */
export function alarmFields(row: AlarmRow) {
  return {
    reasonCode: row.reason === -1 ? null : row.reason,
    reasonName: row.reason_name,
    category: row.category,
    timestamp: row.stamp === '' ? null : row.stamp,
    // Sent once any run saw it in the sent section: phones move alarms from unsent to sent, never back.
    section: row.sent_run === null ? ('unsent' as const) : ('sent' as const),
    firstSeenRun: row.first_run,
  };
}
