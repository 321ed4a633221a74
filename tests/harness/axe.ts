import type { Page } from 'playwright-core';

/** One rule axe found broken, with the elements that break it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** WCAG 2.1 A and AA, the level issue 15 asks the screens to meet. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core (Deque's accessibility engine, the one browser tools build on) in the page over the
 * elements `include` selects (shadow roots included) and answers what breaks WCAG 2.1 AA.
 */
export async function axeViolations(page: Page, include: string[]): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(
    async ({ include, tags }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }> }> }> } }).axe;
      const result = await axe.run({ include: include.map((selector) => [selector]) }, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`) }));
    },
    { include, tags: WCAG_AA },
  );
}
