import type { Argv } from 'yargs';
import {
  ENDPOINT_UNREGISTERED_REASONS,
  findEndpointUnregisteredReason,
} from '../../catalogue/endpoint-unregistered-reasons.js';
import { findOutOfServiceReason, OUT_OF_SERVICE_REASONS } from '../../catalogue/out-of-service-reasons.js';
import {
  type CatalogueFormat,
  explainEndpointUnregisteredReason,
  explainOutOfServiceReason,
  renderEndpointUnregisteredReasons,
  renderOutOfServiceReasons,
} from '../../render/catalogue-renderer.js';
import { type CliIo, lastValue, UsageError } from '../command-line.js';
import { EXIT } from '../exit-status.js';
import { terminalColumns } from '../report-options.js';

interface ReasonsArgs {
  code?: string;
  cucm: boolean;
  format: CatalogueFormat;
}

export function reasonsCommand(io: CliIo) {
  return {
    command: 'reasons [code]',
    describe: 'List the ReasonForOutOfService codes, or explain one (--cucm: the EndPointUnregistered codes)',
    builder: (yargs: Argv) =>
      yargs
        .positional('code', { type: 'string', describe: 'A code or name to explain, e.g. 16 or TCPtimeOut' })
        .option('cucm', { type: 'boolean', default: false, describe: "CUCM's EndPointUnregistered Reason codes" })
        .option('format', { alias: 'f', choices: ['table', 'json', 'csv'] as const, default: 'table' as const })
        // Given twice, the last wins (see lastValue), as for every one-value flag.
        .coerce('format', lastValue),
    handler: (args: ReasonsArgs) => {
      const width = terminalColumns(io.stdout);
      io.stdout.write(
        args.code === undefined ? listing(args, width) : explanation(args.code, args.cucm, args.format, width),
      );
      io.exitStatus = EXIT.ok;
    },
  };
}

function listing({ cucm, format }: ReasonsArgs, width: number | null): string {
  return cucm
    ? renderEndpointUnregisteredReasons(ENDPOINT_UNREGISTERED_REASONS, format, width)
    : renderOutOfServiceReasons(OUT_OF_SERVICE_REASONS, format, width);
}

function explanation(query: string, cucm: boolean, format: CatalogueFormat, width: number | null): string {
  if (cucm) {
    const reason = findEndpointUnregisteredReason(query);
    if (reason === undefined)
      throw new UsageError(`${query} is not an EndPointUnregistered Reason (see: unreg reasons --cucm)`);
    return format === 'table'
      ? explainEndpointUnregisteredReason(reason, width)
      : renderEndpointUnregisteredReasons([reason], format);
  }
  const reason = findOutOfServiceReason(query);
  if (reason === undefined)
    throw new UsageError(`${query} is not a ReasonForOutOfService code or name (see: unreg reasons)`);
  return format === 'table' ? explainOutOfServiceReason(reason, width) : renderOutOfServiceReasons([reason], format);
}
