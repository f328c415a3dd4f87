/**
 * yargs makes an array of a flag given twice (`--retries 0 --retries 2`),
 * which then fails checks meant for one value or, worse, slips past them
 * (`--host-key-check off --host-key-check strict` acted as accept-new). For
 * a flag that takes one value the last one given wins, as in ssh, curl and
 * git: a wrapper script's defaults first, the user's own after. Use as the
 * option's `coerce`, which yargs applies before `choices` and `check`.
 */
export function lastValue<T>(value: T | readonly T[]): T {
  return Array.isArray(value) ? (value.at(-1) as T) : (value as T);
}
