// Which AXL phones unreg can read, and the inventory words their models give: pure.
import type { AxlPhone } from './axl-answers.js';

// Jabber and other soft clients have no SSH debug shell: CSF (desktop), BOT
// (Android), TCT (iPhone), TAB (tablet) device names, and these models (IP
// Communicator is named SEP... like a desk phone).
const SOFT_CLIENT_NAMES = /^(CSF|BOT|TCT|TAB)/i;
const SOFT_CLIENT_MODELS = new Set(
  [
    'Cisco Unified Client Services Framework',
    'Cisco Dual Mode for Android',
    'Cisco Dual Mode for iPhone',
    'Cisco Jabber for Tablet',
    'Cisco IP Communicator',
    'Cisco Unified Personal Communicator',
  ].map((model) => model.toLowerCase()),
);

export function isSoftClient(phone: AxlPhone): boolean {
  return SOFT_CLIENT_NAMES.test(phone.name) || SOFT_CLIENT_MODELS.has(phone.model.trim().toLowerCase());
}

/** The inventory tag of a model: `Cisco 8845` -> `cp-8845` (as the phone names itself), else the model as a word. */
export function modelTag(model: string): string {
  const number = /^Cisco\s+(\d{4}[A-Za-z]*)$/i.exec(model.trim())?.[1];
  if (number !== undefined) return `cp-${number.toLowerCase()}`;
  return (
    model
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'unknown-model'
  );
}

/** 6900 series phones (`Cisco 6921`...) log into the debug shell as admin with an empty password. */
export function isCp6900(model: string): boolean {
  return /^Cisco\s+69\d\d/i.test(model.trim());
}
