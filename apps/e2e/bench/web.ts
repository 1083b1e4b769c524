/**
 * `pnpm bench:web`: builds the shell and the office modules, starts the real API on a fresh database, and measures
 * in headless Chromium (1) the JavaScript the shell needs for its first pages, (2) the JavaScript each module adds
 * to render, and what it loads after (charts), (3) the time from navigation to a module's first render. Progress
 * goes to stderr; stdout gets one JSON line of figures.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '@xinqiao/demo-data';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium.ts';
import { API_START_TIMEOUT_MS, apiEnvironment, freshDataDir, REPO_ROOT } from '../support/server.ts';

const PORT = Number(process.env.XINQIAO_BENCH_PORT ?? 3481);
const BASE = `http://127.0.0.1:${PORT}`;
const SCHOOL = 'hrbmu';
/** Demo accounts whose modules together cover every office module; each module is measured with the first that sees it. */
const USERNAMES = (
  process.env.XINQIAO_BENCH_ACCOUNTS ?? 'affairs,admin,station,alliance,director,center'
).split(',');
const RUNS = Number(process.env.XINQIAO_BENCH_RUNS ?? 5);
/** The aim of issue 4: the shell and one module under 300 KB gzip of initial JavaScript. */
const BUDGET_KB = 300;
/** What "first render" means per module: the shell marks the remote's mount; this is the module's data on screen. */
const CONTENT_SELECTOR: Record<string, string> = { 'student-affairs': '[data-testid="sa-required-staff"]' };

/** XINQIAO_BENCH_FILES=1 lists every file counted, with its gzip size, on stderr. */
const LIST_FILES = process.env.XINQIAO_BENCH_FILES === '1';
const loadNow = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;
const progress = (line: string) => process.stderr.write(`${line}\n`);

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', process.stderr, process.stderr] });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')}: exit ${code}`)),
    );
  });
}

/** The API's line when one school's daily warning evaluation is done (apps/api/src/modules/warnings/job.ts). */
const WARNINGS_EVALUATED = /warnings: \d+ students evaluated/g;
/** How long to wait for the start's background work before measuring anyway. */
const SETTLE_TIMEOUT_MS = 180_000;

interface Api {
  child: ChildProcess;
  /** Everything the API has printed so far. */
  output: () => string;
}

async function startApi(dataDir: string): Promise<Api> {
  const env = { ...process.env, ...apiEnvironment(PORT, dataDir) };
  const child = spawn('pnpm', ['--filter', '@xinqiao/api', 'start'], {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + API_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ok = await fetch(`${BASE}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, output: () => output };
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the API did not start in time');
}

/**
 * Waits until a fresh database's first background work is done: the daily warning evaluation, due at once, runs
 * for every school right after the start and took a core while the first modules were timed (1.0–1.3 s renders at
 * load 4.8 instead of the idle machine's figures).
 */
async function afterStartUpJobs(api: Api): Promise<void> {
  const schools = ((await (await fetch(`${BASE}/api/schools`)).json()) as unknown[]).length;
  const evaluated = () => api.output().match(WARNINGS_EVALUATED)?.length ?? 0;
  progress(`waiting for the start's warning evaluation of ${schools} schools…`);
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (evaluated() < schools && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
  if (evaluated() < schools) progress(`  only ${evaluated()} of ${schools} evaluated; measuring anyway`);
}

/** Ends the API (under pnpm and tsx: the whole process group it leads) and waits until it has exited. */
async function stopApi({ child }: Api): Promise<void> {
  if (!child.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

/** Records every JavaScript and CSS response of a page with its gzip size (level 6, what a server would send). */
class Downloads {
  private readonly seen = new Map<
    string,
    { kind: 'js' | 'css'; gzipBytes: number; servedBytes: number; order: number }
  >();
  private readonly pending: Promise<void>[] = [];
  private counter = 0;

  constructor(page: Page) {
    page.on('response', (response) => {
      const type = response.request().resourceType();
      const kind = type === 'script' ? 'js' : type === 'stylesheet' ? 'css' : undefined;
      if (!kind || this.seen.has(response.url())) return;
      const order = this.counter++;
      this.pending.push(
        Promise.all([response.body(), response.request().sizes()]).then(
          ([body, sizes]) => {
            // servedBytes: the body as it came over the wire (the API's precompressed brotli copy when it has one).
            const servedBytes = sizes.responseBodySize;
            this.seen.set(response.url(), { kind, gzipBytes: gzipSync(body).length, servedBytes, order });
          },
          () => undefined,
        ),
      );
    });
  }

  /** A marker: downloads after it belong to the next step. */
  async mark(): Promise<number> {
    await Promise.all(this.pending);
    return this.counter;
  }

  /** Gzip KB of the JS (or CSS) first downloaded between two markers. */
  async kb(
    kind: 'js' | 'css',
    from: number,
    to = Number.POSITIVE_INFINITY,
    size: 'gzipBytes' | 'servedBytes' = 'gzipBytes',
  ): Promise<number> {
    await Promise.all(this.pending);
    let bytes = 0;
    for (const [url, entry] of this.seen)
      if (entry.kind === kind && entry.order >= from && entry.order < to) {
        bytes += entry[size];
        if (LIST_FILES && size === 'gzipBytes')
          progress(
            `  ${(entry.gzipBytes / 1024).toFixed(1).padStart(6)} KB (served ${(entry.servedBytes / 1024).toFixed(1)} KB) ${new URL(url).pathname}`,
          );
      }
    return Math.round((bytes / 1024) * 10) / 10;
  }
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('学校').selectOption(SCHOOL);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('user-name').waitFor();
}

interface ModuleEntry {
  id: string;
  routePath: string;
}

/** Waits for the shell's mark of the module's first render; throws if the module shows its error panel instead. */
async function renderedMark(page: Page, id: string): Promise<void> {
  const failed = page
    .getByTestId('module-error')
    .waitFor({ timeout: 60_000 })
    .then(() => {
      throw new Error(`module ${id} failed to load`);
    });
  failed.catch(() => undefined);
  await Promise.race([rendered(page, id), failed]);
}

const rendered = (page: Page, id: string) =>
  page.waitForFunction(
    (moduleId) =>
      performance
        .getEntriesByName('xinqiao:module-rendered')
        .some((e) => (e as PerformanceMark).detail?.id === moduleId),
    id,
  );

interface ModuleSizes {
  initialJsGzipKB: number;
  /** The same scripts as served (brotli from the API's precompressed copies). */
  initialJsServedKB: number;
  afterIdleJsGzipKB: number;
  cssGzipKB: number;
}

/** A fresh browser context signed in as `username` through the login page, on the home page with the network idle. */
async function signedInPage(browser: Browser, username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const downloads = new Downloads(page);
  await page.goto(`${BASE}/login`, { waitUntil: 'networkidle' });
  await signIn(page, username);
  await page.waitForLoadState('networkidle');
  return { context, page, downloads };
}

/**
 * Sizes: the shell's login and home pages; then each module, in a fresh browser context that has loaded only the
 * shell, opened from the navigation (what it downloads until its first render, then until the network is idle).
 * A module opened after another would find the shared chunks (Element Plus) already loaded and look lighter.
 */
async function measureSizes(browser: Browser) {
  let shell: { js: number; jsServed: number; css: number } | undefined;
  const perModule: Record<string, ModuleSizes> = {};
  const owners: { module: ModuleEntry; username: string }[] = [];
  for (const username of USERNAMES) {
    const first = await signedInPage(browser, username);
    const shellEnd = await first.downloads.mark();
    if (!shell) {
      progress('shell (login and home pages):');
      shell = {
        js: await first.downloads.kb('js', 0, shellEnd),
        jsServed: await first.downloads.kb('js', 0, shellEnd, 'servedBytes'),
        css: await first.downloads.kb('css', 0, shellEnd),
      };
    }
    const list = (await (await first.page.request.get(`${BASE}/api/frontends`)).json()) as {
      modules: ModuleEntry[];
    };
    await first.context.close();
    for (const module of list.modules) {
      if (perModule[module.id]) continue;
      const { context, page, downloads } = await signedInPage(browser, username);
      const start = await downloads.mark();
      await page.locator(`[data-testid="module-nav"] a[data-module-id="${module.id}"]`).click();
      await renderedMark(page, module.id);
      const selector = CONTENT_SELECTOR[module.id];
      if (selector) await page.locator(selector).waitFor();
      const rendered = await downloads.mark();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      const idle = await downloads.mark();
      progress(`${module.id} (until its first render, then until idle):`);
      perModule[module.id] = {
        initialJsGzipKB: await downloads.kb('js', start, rendered),
        initialJsServedKB: await downloads.kb('js', start, rendered, 'servedBytes'),
        afterIdleJsGzipKB: await downloads.kb('js', rendered, idle),
        cssGzipKB: await downloads.kb('css', start, idle),
      };
      owners.push({ module, username });
      await context.close();
    }
  }
  return { shell: shell ?? { js: 0, jsServed: 0, css: 0 }, perModule, owners };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number) => Math.round(n);

/** Timing: a signed-in user opens the module's address in a fresh tab with a cold cache, RUNS times. */
async function measureTiming(browser: Browser, module: ModuleEntry, username: string) {
  const context = await browser.newContext();
  const login = await context.newPage();
  await login.goto(`${BASE}/login`);
  await signIn(login, username);
  await login.close();
  const firstRender: number[] = [];
  const content: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`${BASE}${module.routePath}`);
    await renderedMark(page, module.id);
    firstRender.push(
      await page.evaluate(
        (id) =>
          performance
            .getEntriesByName('xinqiao:module-rendered')
            .find((e) => (e as PerformanceMark).detail?.id === id)?.startTime ?? Number.NaN,
        module.id,
      ),
    );
    const selector = CONTENT_SELECTOR[module.id];
    if (selector) {
      await page.locator(selector).waitFor();
      content.push(await page.evaluate(() => performance.now()));
    }
    await page.close();
  }
  await context.close();
  return {
    firstRenderMs: { median: round(median(firstRender)), max: round(Math.max(...firstRender)) },
    ...(content.length
      ? { contentVisibleMs: { median: round(median(content)), max: round(Math.max(...content)) } }
      : {}),
  };
}

async function main(): Promise<void> {
  if (process.env.XINQIAO_BENCH_SKIP_BUILD !== '1') {
    progress('building the shell and the modules…');
    await run('pnpm', ['--filter', '@xinqiao/shell', '--filter', './apps/office-*', 'build']);
  }
  const loadBefore = loadNow();
  const dataDir = freshDataDir();
  progress(`starting the API on port ${PORT} (fresh database in ${dataDir})…`);
  const api = await startApi(dataDir);
  await afterStartUpJobs(api);
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    progress('measuring downloads…');
    const sizes = await measureSizes(browser);
    const modules: Record<string, object> = {};
    for (const { module, username } of sizes.owners) {
      progress(`timing ${module.id} as ${username} (${RUNS} cold loads)…`);
      modules[module.id] = {
        ...sizes.perModule[module.id],
        ...(await measureTiming(browser, module, username)),
      };
    }
    // The budget holds for the shell with any one module: check the heaviest.
    const [heaviestModule, heaviestSizes] = Object.entries(sizes.perModule).reduce<
      [string, ModuleSizes | undefined]
    >(
      (best, entry) => (entry[1].initialJsGzipKB > (best[1]?.initialJsGzipKB ?? -1) ? entry : best),
      ['', undefined],
    );
    const heaviest = heaviestSizes?.initialJsGzipKB ?? 0;
    const shellPlusHeaviest = Math.round((sizes.shell.js + heaviest) * 10) / 10;
    const figures = {
      bench: 'web',
      shellInitialJsGzipKB: sizes.shell.js,
      shellInitialJsServedKB: sizes.shell.jsServed,
      shellInitialCssGzipKB: sizes.shell.css,
      modules,
      heaviestModule,
      shellPlusHeaviestModuleInitialJsGzipKB: shellPlusHeaviest,
      // The same as the browser received it (brotli): what the budget's gzip figure overestimates.
      shellPlusHeaviestModuleInitialJsServedKB:
        Math.round((sizes.shell.jsServed + (heaviestSizes?.initialJsServedKB ?? 0)) * 10) / 10,
      budgetJsGzipKB: BUDGET_KB,
      withinBudget: shellPlusHeaviest <= BUDGET_KB,
      // Other work on the machine slows the timings: the 1-minute load average before and after.
      loadAverage: [loadBefore, loadNow()],
      runs: RUNS,
      chromium: browser.version(),
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await browser.close();
    await stopApi(api);
    // The database may still be closing its files when the process group exits: retry the removal briefly.
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
