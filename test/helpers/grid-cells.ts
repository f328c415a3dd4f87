/** The cells of every grid line drawn (header lines included), trimmed. */
export function cellRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('║'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('│')
        .map((cell) => cell.trim()),
    );
}
