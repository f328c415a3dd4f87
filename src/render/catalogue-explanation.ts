import { REASON_CATEGORIES } from '../catalogue/categories.js';
import type { EndpointUnregisteredReason } from '../catalogue/endpoint-unregistered-reasons.js';
import type { OutOfServiceReason } from '../catalogue/out-of-service-reasons.js';

// One code explained, as `unreg reasons 16` prints it: its lines as they are,
// ready for a pipe. A terminal gets them wrapped (catalogue-renderer.ts, with
// `table`); this module stays apart so that a short command into a pipe does
// not load the renderers (docs/performance.md, "Start-up").

/** A ReasonForOutOfService code's name, aliases, category, meaning and what to check next. */
export function outOfServiceExplanation(reason: OutOfServiceReason): string {
  const lines = [
    `ReasonForOutOfService ${reason.code}: ${reason.name}`,
    reason.aliases.length > 0 ? `  also shown as: ${reason.aliases.join(', ')}` : null,
    `  category:   ${REASON_CATEGORIES[reason.category]}`,
    `  meaning:    ${reason.meaning}`,
    `  check next: ${reason.checkNext}`,
  ];
  return lines.filter((line) => line !== null).join('\n');
}

/** A CUCM EndPointUnregistered Reason code's name, meaning and what to check next. */
export function endpointUnregisteredExplanation(reason: EndpointUnregisteredReason): string {
  return [
    `EndPointUnregistered Reason ${reason.code}: ${reason.name}`,
    `  meaning:    ${reason.meaning}`,
    `  check next: ${reason.checkNext}`,
  ].join('\n');
}
