import { REASON_CATEGORIES, type ReasonCategory } from '../../catalogue/categories.js';

/** A reason category on the page, `unknown` for an alarm whose code the catalogue lacks. */
export type PageCategory = ReasonCategory | 'unknown';

export interface CategoryStyle {
  readonly key: PageCategory;
  readonly label: string;
  readonly colour: string;
}

// Okabe-Ito colours, told apart with the common colour-vision deficiencies:
// network (where most outages point) in the strongest red, routine causes
// (a user or admin action) in green.
const COLOURS: Readonly<Record<PageCategory, string>> = {
  network: '#d55e00',
  'cucm-initiated': '#0072b2',
  'user-action': '#009e73',
  power: '#e69f00',
  configuration: '#56b4e9',
  security: '#cc79a7',
  'client-application': '#b8a200',
  unknown: '#8c8c8c',
};

/** Every category in the order the page shows them (legend, stacks, columns). */
export const CATEGORY_STYLES: readonly CategoryStyle[] = [
  ...(Object.keys(REASON_CATEGORIES) as ReasonCategory[]).map((key) => ({
    key,
    label: REASON_CATEGORIES[key],
    colour: COLOURS[key],
  })),
  { key: 'unknown', label: 'unknown reason', colour: COLOURS.unknown },
];

/** The position of a category in CATEGORY_STYLES. */
export function categoryIndex(category: ReasonCategory | null): number {
  const index = CATEGORY_STYLES.findIndex((style) => style.key === (category ?? 'unknown'));
  return index === -1 ? CATEGORY_STYLES.length - 1 : index;
}
