import type { Browser, Page } from 'playwright-core';
import { newContext, type StaticSite } from '../harness/browser';
import type { TestApp } from '../harness/strapi';
import { eventually, openWidget, publishLiveChatPlaybook, snippetPage, startWidgetTestBed, stopWidgetTestBed, widget } from '../harness/widget-page';

/**
 * E1: the page's styles and the widget's cannot leak into each other. The widget is screenshotted
 * on a plain page and on a page with hostile global CSS (universal !important resets, fonts,
 * colours, sizes, transforms); the pixels must be identical.
 */
let app: TestApp;
let url: string;
let site: StaticSite;
let browser: Browser;

const AGGRESSIVE_CSS = `<style>
  html { font-size: 31px !important; }
  * { all: unset !important; font-family: "Comic Sans MS", cursive, serif !important; font-size: 40px !important;
      color: red !important; line-height: 3 !important; letter-spacing: 4px !important; word-spacing: 9px !important;
      text-transform: uppercase !important; box-sizing: content-box !important; direction: rtl !important;
      text-align: right !important; font-weight: 900 !important; font-style: italic !important; }
  body { display: block !important; background: #000 !important; }
  div, p, section, button, form, textarea, input, label, header, h2, span, ul, li, a, img, svg, path, live-chat-widget {
      display: block !important; border: 7px dashed magenta !important; padding: 13px !important; margin: 11px !important;
      width: 900px !important; height: 300px !important; position: static !important; background: yellow !important;
      fill: lime !important; visibility: hidden !important; opacity: 0.3 !important; }
  live-chat-widget { transform: scale(1.7) rotate(9deg) !important; filter: blur(2px) invert(1) !important; z-index: -1 !important;
      inset: 0 !important; zoom: 2 !important; }
  :root { --primary: red; }
</style>`;

beforeAll(async () => {
  ({ app, url, site, browser } = await startWidgetTestBed());
  await publishLiveChatPlaybook(app); // nobody online: the same offline path, the same content, on both pages
});
afterAll(() => stopWidgetTestBed({ app, site, browser }));

/** Screenshots of the launcher and the open panel, cropped inside their rounded corners (which show the page). */
async function shots(page: Page) {
  const w = widget(page);
  await w.launcher.waitFor();
  const inset = async (locator: typeof w.launcher, by: number) => {
    const box = await locator.boundingBox();
    if (!box) throw new Error('not visible');
    return page.screenshot({ clip: { x: box.x + by, y: box.y + by, width: box.width - 2 * by, height: box.height - 2 * by } });
  };
  const launcherBox = await w.launcher.boundingBox();
  const closedLauncher = await inset(w.launcher, 9);
  await openWidget(page);
  await page.locator('live-chat-widget form.form').waitFor();
  await eventually(() => w.bot.count(), (n) => n === 3, 'greeting, offline message and form prompt');
  await page.locator('live-chat-widget input').first().blur();
  await page.locator('live-chat-widget [role="log"]').focus();
  return { launcherBox, panelBox: await w.panel.boundingBox(), closedLauncher, panel: await inset(w.panel, 12) };
}

/** How many pixels differ (per channel by more than 8/255), decoded by the browser itself. */
async function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<{ width: number; height: number; differing: number }> {
  return page.evaluate(
    async ([first, second]) => {
      const decode = async (base64: string) => {
        const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [x, y] = await Promise.all([decode(first as string), decode(second as string)]);
      if (x.width !== y.width || x.height !== y.height) return { width: x.width, height: x.height, differing: -1 };
      let differing = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        for (let c = 0; c < 3; c += 1) {
          if (Math.abs((x.data[i + c] as number) - (y.data[i + c] as number)) > 8) {
            differing += 1;
            break;
          }
        }
      }
      return { width: x.width, height: x.height, differing };
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

describe('style isolation', () => {
  it('looks the same on a plain page and on a page with aggressive global CSS', async () => {
    const context = await newContext(browser);
    const plainPage = await context.newPage();
    await plainPage.goto(site.page('/plain', snippetPage(url)));
    const plain = await shots(plainPage);

    const hostile = await context.newPage();
    await hostile.goto(site.page('/hostile', snippetPage(url, { head: AGGRESSIVE_CSS })));
    const styled = await shots(hostile);

    // Same place, same size…
    expect(styled.launcherBox).toEqual(plain.launcherBox);
    expect(styled.panelBox).toEqual(plain.panelBox);
    // …and the same pixels. Identical rendering is expected (same browser, same fonts, same content);
    // the 8/255 per-channel slack only absorbs anti-aliasing noise, and no pixel may differ beyond it.
    expect(await differingPixels(plainPage, plain.closedLauncher, styled.closedLauncher)).toMatchObject({ differing: 0 });
    expect(await differingPixels(plainPage, plain.panel, styled.panel)).toMatchObject({ differing: 0 });

    // And the widget's styles do not leak out: the host page's own text keeps the page's rules.
    expect(await plainPage.locator('h1').evaluate((h1) => getComputedStyle(h1).fontSize)).toBe('32px');
    expect(await plainPage.locator('p').first().evaluate((p) => getComputedStyle(p).color)).toBe('rgb(0, 0, 0)');
    await context.close();
  });
});
