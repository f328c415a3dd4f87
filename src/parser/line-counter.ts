/**
 * Line numbers for positions in a text, asked for in increasing order (as a
 * scan meets them): each newline is counted once, so numbering every warning
 * of a long transcript stays linear.
 */
export class LineCounter {
  private scanned = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /** The 1-based line holding `position`. */
  lineAt(position: number): number {
    if (position < this.scanned) {
      this.scanned = 0;
      this.line = 1;
    }
    for (
      let at = this.text.indexOf('\n', this.scanned);
      at !== -1 && at < position;
      at = this.text.indexOf('\n', at + 1)
    ) {
      this.line += 1;
    }
    this.scanned = position;
    return this.line;
  }
}
