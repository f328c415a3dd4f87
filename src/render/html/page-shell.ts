import { createHash } from 'node:crypto';
import { escapeText, scriptJson } from './html-escape.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

export interface PageContext {
  readonly version: string;
  readonly generatedAt: string;
  readonly command: string | undefined;
}

// Nothing may be loaded from anywhere: only the page's own style and script
// run, named by their hashes, so even markup that got in could not run code.
function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `script-src '${sha256(PAGE_SCRIPT)}'`,
    `style-src '${sha256(PAGE_STYLE)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * A whole self-contained document around `body` (HTML already escaped):
 * the policy, the stylesheet, the footer, the data the script reads (when
 * any) and the script.
 */
export function htmlDocument(title: string, body: readonly string[], embedded: unknown, context: PageContext): string {
  const data =
    embedded === undefined ? '' : `<script type="application/json" id="unreg-data">${scriptJson(embedded)}</script>`;
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="unreg ${escapeText(context.version)}">`,
    `<title>${escapeText(title)}</title>`,
    `<style>${PAGE_STYLE}</style></head><body><main>`,
    ...body,
    `<footer>Made by unreg ${escapeText(context.version)}. Times are UTC. The same as JSON: <code>-f json</code>.</footer>`,
    `</main>${data}`,
    `<script>${PAGE_SCRIPT}</script></body></html>\n`,
  ].join('\n');
}

/** A titled section of the page (`body` is HTML already escaped). */
export function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${escapeText(title)}</h2>${body}</section>`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
