import { rmSync } from 'node:fs';
import path from 'node:path';
import { startStaticSite, type StaticSite } from '../harness/browser';
import { disconnectAll } from '../harness/sockets';
import { buildApp, configureApp, createApp, npmInstall, pinStrapiAdmin, startApp, type NewApp, type RunningApp } from './app';
import { chatRoundTrip, expectForeignSiteRefused } from './chat';
import { expectAdminApi, expectContentApi, expectWidgetCompressed, healthStatus, strapiUtilsLoadedBy } from './checks';
import { CURRENT_STRAPI, OLDER_STRAPI, OLDER_TEMPLATE, requireInstallEnvironment } from './environment';
import { createApiToken, registerFirstAdmin } from './http';
import { packPlugin, REPO_ROOT } from './package';
import { stopAll } from './run';
import { openInboxAsSwedishAdmin, type SwedishInbox } from './swedish-admin';
import { Timings } from './timings';

/**
 * G1 (issue 13): a Strapi developer installs the published package into an app of their own. The
 * plugin is packed from its git files alone (outside the repository, so nothing of the workspace is
 * reachable), then installed into brand-new create-strapi apps exactly as its README says: npm
 * install, enable it in config/plugins.ts, build, start in production. Everything is checked over
 * real HTTP, sockets and Chromium. Runs only with LIVE_CHAT_INSTALL_TESTS=true (jest.config.js).
 */
jest.setTimeout(25 * 60_000);

const timings = new Timings();
const admin = { firstname: 'Ada', lastname: 'Agent', email: 'ada@install.test', password: 'Install-Test-Pass-1' };
const adminName = `${admin.firstname} ${admin.lastname}`;

let workDir: string | undefined;
let tarball: Promise<string>;
let currentApp: Promise<NewApp>;
let olderAppBuilt: Promise<NewApp>;

/** A phase that runs in the background until a test awaits it; its failure is reported there. */
const background = <T>(promise: Promise<T>) => {
  promise.catch(() => undefined);
  return promise;
};

/** A new app with its own dependencies installed: where a developer is before adding any plugin. */
const newAppWithDependencies = async (name: string, version: string) => {
  const app = await createApp(workDir as string, name, { template: version, strapi: version }, path.join(workDir as string, `${name}.log`));
  await npmInstall(app);
  return app;
};

/** The README's steps: enable the plugin (and the Swedish admin), build. */
const configureAndBuild = async (app: NewApp) => {
  configureApp(app, { adminLocales: ['sv'] });
  await timings.time(`${app.strapiVersion}: npm run build`, () => buildApp(app));
  return app;
};

/** The current app: the README's `npm install strapi-plugin-live-chat` into an installed app. */
const addPlugin = async (app: NewApp) => {
  const file = await tarball;
  await timings.time(`${app.strapiVersion}: npm install <tarball>`, () => npmInstall(app, file));
  return configureAndBuild(app);
};

/**
 * The older app takes the other way in: the plugin listed before anything is installed (a project
 * cloned without a lock file), so npm resolves Strapi and the plugin's peers in one go.
 */
const olderAppWithPlugin = async () => {
  const name = 'app-older';
  const app = await createApp(workDir as string, name, { template: OLDER_TEMPLATE, strapi: OLDER_STRAPI }, path.join(workDir as string, `${name}.log`));
  pinStrapiAdmin(app);
  const file = await tarball;
  await timings.time(`${OLDER_STRAPI}: npm install <tarball> (with the app's dependencies, one step)`, () => npmInstall(app, file));
  return configureAndBuild(app);
};

beforeAll(async () => {
  workDir = await requireInstallEnvironment();
  const dir = workDir;
  // The slow phases that do not depend on each other overlap: packing the plugin, and each new
  // app's own npm install. LIVE_CHAT_INSTALL_TARBALL tests a given tarball instead (e.g. a release).
  const given = process.env.LIVE_CHAT_INSTALL_TARBALL;
  tarball = background(
    given
      ? Promise.resolve(path.resolve(REPO_ROOT, given))
      : timings.time('pack: copy git files, npm install, npm pack (build + verify)', () => packPlugin(dir, path.join(dir, 'plugin.log'))),
  );
  currentApp = background(timings.time(`${CURRENT_STRAPI}: create-strapi + npm install`, () => newAppWithDependencies('app-current', CURRENT_STRAPI)));
  olderAppBuilt = background(olderAppWithPlugin());
});

afterAll(() => {
  stopAll();
  console.log(timings.report(path.join(REPO_ROOT, '.tmp', 'install-timings.json')));
  // The apps, the tarball and every command's log stay for a look with LIVE_CHAT_INSTALL_KEEP=true.
  if (workDir && process.env.LIVE_CHAT_INSTALL_KEEP === 'true') console.log(`install suite work folder kept: ${workDir}`);
  else if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** A started app, as the checks both Strapi versions share see it. */
interface Installed {
  app: NewApp;
  url: string;
  adminToken: string;
}

/** E5: what the Swedish inbox must show, and must not. */
function expectSwedish(inbox: SwedishInbox) {
  expect(inbox.loadProblems).toEqual([]);
  expect(inbox.rawKeys).toEqual([]);
  expect(inbox.english).toEqual([]);
  // The menu entry, the folder names and the empty folder, at least.
  expect(inbox.swedish).toEqual(expect.arrayContaining(['Livechatt', 'Ej tilldelade', 'Mina konversationer', 'Ingen chatt väntar på en agent']));
  expect(inbox.swedish.length).toBeGreaterThanOrEqual(8);
}

/** The checks every installed version must pass: health, one @strapi/utils, both APIs, the widget, the Swedish inbox. */
function itWorksAsInstalled(version: string, installed: () => Installed) {
  it('G1 starts in production and answers /_health with 204', async () => {
    expect(await healthStatus(installed().url)).toBe(204);
  });

  it('G1 Strapi and the plugin share one @strapi/utils (one set of error classes)', () => {
    const loaded = strapiUtilsLoadedBy(installed().app.dir);
    const core = loaded['@strapi/core'];
    expect(loaded).toEqual(Object.fromEntries(Object.keys(loaded).map((user) => [user, core])));
  });

  it('G1 the plugin admin API answers the first admin (GET /live-chat/me)', async () => {
    await expectAdminApi(installed().url, installed().adminToken, adminName);
  });

  it('F1 the content API answers an API token: data + meta.pagination, a bad body is a 400 in Strapi error shape', async () => {
    const { url, adminToken } = installed();
    await expectContentApi(url, await createApiToken(url, adminToken));
  });

  it('E1 serves /live-chat/widget.js precompressed from the package (br and gzip)', async () => {
    await expectWidgetCompressed(installed().url);
  });

  it('E5 the Live Chat inbox renders in Swedish for a Swedish admin (Chromium), no English or raw ids left', async () => {
    const { url, adminToken } = installed();
    const inbox = await timings.time(`${version}: Swedish inbox in Chromium`, () =>
      openInboxAsSwedishAdmin(url, { email: admin.email, password: admin.password, token: adminToken }),
    );
    expectSwedish(inbox);
  });
}

describe(`G1 a brand-new Strapi ${CURRENT_STRAPI} app installs the packed plugin`, () => {
  let installed: Installed;
  let site: StaticSite;
  let running: RunningApp | undefined;

  beforeAll(async () => {
    // The company site that embeds the widget: its origin is the one LIVE_CHAT_WIDGET_ORIGINS allows.
    site = await startStaticSite();
    const app = await addPlugin(await currentApp);
    running = await timings.time(`${CURRENT_STRAPI}: strapi start until /_health`, () => startApp(app, { LIVE_CHAT_WIDGET_ORIGINS: site.origin }));
    installed = { app, url: running.url, adminToken: await registerFirstAdmin(running.url, admin) };
  });
  afterAll(async () => {
    disconnectAll();
    await running?.stop();
    await site?.close();
  });

  itWorksAsInstalled(CURRENT_STRAPI, () => installed);

  it('E2 B1 B4 a visitor reaches the playbook Live Chat card and chats with the agent over Socket.IO', async () => {
    await timings.time(`${CURRENT_STRAPI}: visitor <-> agent round trip`, () => chatRoundTrip(installed.url, installed.adminToken, site.origin, adminName));
  });

  it('E1 F4 refuses the visitor socket of a site not in LIVE_CHAT_WIDGET_ORIGINS', async () => {
    await expectForeignSiteRefused(installed.url);
  });
});

describe(`G1 a brand-new Strapi ${OLDER_STRAPI} app (the low end of the peer range) installs it too`, () => {
  let installed: Installed;
  let running: RunningApp | undefined;

  beforeAll(async () => {
    const app = await olderAppBuilt;
    running = await timings.time(`${OLDER_STRAPI}: strapi start until /_health`, () => startApp(app, { LIVE_CHAT_WIDGET_ORIGINS: 'https://site.example' }));
    installed = { app, url: running.url, adminToken: await registerFirstAdmin(running.url, admin) };
  });
  afterAll(async () => {
    await running?.stop();
  });

  itWorksAsInstalled(OLDER_STRAPI, () => installed);
});
