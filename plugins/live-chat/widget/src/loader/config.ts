/** Reads the snippet (E1, E5): where Strapi is, which playbook, which language. Pure, for unit tests. */
import { pickLanguage } from '../i18n/languages';
import type { WidgetConfig } from '../contract';
import { partsOff } from './context';

export const LOADER_PATH = '/live-chat/widget.js';

export interface SnippetInput {
  /** The script element's absolute src. */
  src: string;
  /** Its data-playbook and data-lang attributes (null when absent). */
  playbook: string | null;
  lang: string | null;
  /** The page's `<html lang>`. */
  pageLang: string | null;
  /** The page's URL. */
  href: string;
  /** Its data-collect-off attribute: parts of the visitor context the site does not send (G2). */
  collectOff?: string | null;
}

/** The fragment is the page's own business; the server caps URLs at 2048 characters. */
export const pageUrlOf = (page: URL | Location) => (page.origin + page.pathname + page.search).slice(0, 2048);

/** Null when the script was not loaded from a widget URL (nothing to talk to). */
export function readConfig(input: SnippetInput): WidgetConfig | null {
  let src: URL;
  let page: URL;
  try {
    src = new URL(input.src);
    page = new URL(input.href);
  } catch {
    return null;
  }
  const at = src.pathname.lastIndexOf(LOADER_PATH);
  if (at === -1) return null;
  const playbook = input.playbook?.trim() || null;
  return {
    // Everything before /live-chat/widget.js, so a Strapi behind a path prefix works too.
    base: src.origin + src.pathname.slice(0, at),
    playbook,
    language: pickLanguage(input.lang, input.pageLang),
    page: pageUrlOf(page),
    off: partsOff(input.collectOff ?? null),
    context: {},
  };
}
