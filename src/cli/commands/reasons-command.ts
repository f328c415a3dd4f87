import type { Argv } from 'yargs';
import {
  ENDPOINT_UNREGISTERED_REASONS,
  findEndpointUnregisteredReason,
} from '../../catalogue/endpoint-unregistered-reasons.js';
import { findOutOfServiceReason, OUT_OF_SERVICE_REASONS } from '../../catalogue/out-of-service-reasons.js';
import { endpointUnregisteredExplanation, outOfServiceExplanation } from '../../render/catalogue-explanation.js';
import type { CatalogueFormat } from '../../render/catalogue-renderer.js';
import { type CliIo, lastValue, terminalColumns, UsageError } from '../command-line.js';
import { EXIT } from '../exit-status.js';

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
    handler: async (args: ReasonsArgs) => {
      const width = terminalColumns(io.stdout);
      io.stdout.write(
        args.code === undefined
          ? await listing(args, width)
          : await explanation(args.code, args.cucm, args.format, width),
      );
      io.exitStatus = EXIT.ok;
    },
  };
}

// The renderers (`table`, which also wraps lines to a terminal, and
// csv-stringify) cost about 40 ms of CPU to load, a sixth of the command: they
// are loaded only to draw, wrap or write CSV/JSON, not to explain one code
// into a pipe (docs/performance.md, "Start-up").
const renderers = () => import('../../render/catalogue-renderer.js');

async function listing({ cucm, format }: ReasonsArgs, width: number | null): Promise<string> {
  const render = await renderers();
  return cucm
    ? render.renderEndpointUnregisteredReasons(ENDPOINT_UNREGISTERED_REASONS, format, width)
    : render.renderOutOfServiceReasons(OUT_OF_SERVICE_REASONS, format, width);
}

async function explanation(query: string, cucm: boolean, format: CatalogueFormat, width: number | null) {
  if (cucm) {
    const reason = findEndpointUnregisteredReason(query);
    if (reason === undefined)
      throw new UsageError(`${query} is not an EndPointUnregistered Reason (see: unreg reasons --cucm)`);
    if (format === 'table' && width === null) return `${endpointUnregisteredExplanation(reason)}\n`;
    const render = await renderers();
    return format === 'table'
      ? render.explainEndpointUnregisteredReason(reason, width)
      : render.renderEndpointUnregisteredReasons([reason], format);
  }
  const reason = findOutOfServiceReason(query);
  if (reason === undefined)
    throw new UsageError(`${query} is not a ReasonForOutOfService code or name (see: unreg reasons)`);
  if (format === 'table' && width === null) return `${outOfServiceExplanation(reason)}\n`;
  const render = await renderers();
  return format === 'table'
    ? render.explainOutOfServiceReason(reason, width)
    : render.renderOutOfServiceReasons([reason], format);
}
