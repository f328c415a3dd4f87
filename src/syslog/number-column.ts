type Typed = Int32Array | Uint8Array | Float64Array;

/**
 * A growable column of numbers in a typed array: a few bytes a value, kept
 * outside the JS heap's objects (what lets memory stay small per event).
 */
export class NumberColumn {
  private data: Typed;
  private count = 0;

  constructor(private readonly make: (size: number) => Typed) {
    this.data = make(1024);
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.data.length) {
      const larger = this.make(this.data.length * 2);
      larger.set(this.data);
      this.data = larger;
    }
    this.data[this.count] = value;
    this.count += 1;
  }

  /** The value at `index`; NaN outside the column (and for NaN stored in a Float64 column). */
  at(index: number): number {
    return index >= 0 && index < this.count ? (this.data[index] ?? Number.NaN) : Number.NaN;
  }
}

export const int32Column = () => new NumberColumn((size) => new Int32Array(size));
export const uint8Column = () => new NumberColumn((size) => new Uint8Array(size));
export const float64Column = () => new NumberColumn((size) => new Float64Array(size));
