/**
 * yargs drops a lone `-` (yargs/yargs#1312, yargs-parser#381), the usual name
 * for standard input (or output, for --output): the command line passes it on
 * as this token instead.
 */
export const STDIN_ARGUMENT = '\u0000stdin';
