/**
 * Strings kept once, referred to by number: a fleet's alarms repeat the
 * same parameter names, models, gateways and CUCM names thousands of times,
 * and the page's embedded data holds each of them once.
 */
export class StringTable {
  private readonly indexes = new Map<string, number>();
  readonly strings: string[] = [];

  /** The number of `text` (-1 for null). */
  index(text: string | null): number {
    if (text === null) return -1;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(text);
      this.indexes.set(text, index);
    }
    return index;
  }
}
