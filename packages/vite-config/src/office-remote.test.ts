import { describe, expect, it } from 'vitest';
import { officeRemote, remoteFederation } from './index.js';
import { chartsImported } from './office-remote.js';

const college = {
  name: 'xinqiao_college_station',
  base: '/modules/college-station/',
  exposes: { './App': './src/App.vue' },
};

describe('remoteFederation', () => {
  it('takes every shared package from the shell as a singleton and never bundles its own', () => {
    const options = remoteFederation(college);
    expect(options).toMatchObject({
      name: 'xinqiao_college_station',
      filename: 'remoteEntry.js',
      manifest: true,
    });
    expect(options.exposes).toEqual({ './App': './src/App.vue' });
    expect(Object.keys(options.shared ?? {})).toEqual([
      'vue',
      'pinia',
      'vue-router',
      'vue-i18n',
      '@xinqiao/web-kit',
      '@xinqiao/web-kit/elements',
    ]);
    for (const share of Object.values(options.shared ?? {})) {
      expect(share).toMatchObject({ singleton: true, import: false });
    }
  });

  it('shares the charts only with a module that asks for them', () => {
    const shared = remoteFederation({ ...college, charts: true }).shared ?? {};
    expect(shared).toHaveProperty(['@xinqiao/web-kit/charts'], {
      singleton: true,
      import: false,
      requiredVersion: '~0.1.0',
    });
  });

  it("uses the shell's federation runtime unless the remote opts out", () => {
    expect(remoteFederation(college).experiments).toEqual({ externalRuntime: true });
    expect(remoteFederation({ ...college, externalRuntime: false })).not.toHaveProperty('experiments');
  });
});

describe('officeRemote', () => {
  it('builds for the path the API serves, for the browsers the platform supports', () => {
    const config = officeRemote(college);
    expect(config.base).toBe('/modules/college-station/');
    expect(config.build).toEqual({ target: 'es2022', outDir: 'dist', emptyOutDir: true });
  });

  it('accepts a plugin screen under its plugin folder', () => {
    const screen = { ...college, name: 'xinqiao_plugin_x', base: '/plugins/nuc-shuozhou/ui/' };
    expect(officeRemote(screen).base).toBe('/plugins/nuc-shuozhou/ui/');
  });

  it('refuses a base the API does not serve, naming it', () => {
    expect(() => officeRemote({ ...college, base: '/modules/college-station' })).toThrow(
      'base /modules/college-station is not served',
    );
    expect(() => officeRemote({ ...college, base: '/college-station/' })).toThrow('/college-station/');
  });
});

describe('chartsImported', () => {
  /** Runs the plugin over files as Vite would and returns the build error, if any. */
  function build(files: Record<string, string>): string | undefined {
    const plugin = chartsImported();
    let failure: string | undefined;
    const context = {
      error: (message: string) => {
        failure = message;
      },
    };
    (plugin.configResolved as (config: { root: string }) => void).call(context, { root: '/app' });
    (plugin.buildStart as () => void).call(context);
    for (const [id, code] of Object.entries(files))
      (plugin.transform as (code: string, id: string) => unknown).call(context, code, id);
    (plugin.buildEnd as (error?: Error) => void).call(context);
    return failure;
  }

  it('fails a remote that asks for the charts without importing them', () => {
    expect(build({ '/app/src/App.vue': "import { ElButton } from '@xinqiao/web-kit/elements';" })).toContain(
      'no file imports @xinqiao/web-kit/charts',
    );
    // web-kit's own source, or a library's, does not count.
    expect(build({ '/repo/node_modules/x/index.js': "import('@xinqiao/web-kit/charts')" })).toBeDefined();
  });

  it('passes a remote that imports them, lazily or not', () => {
    expect(
      build({ '/app/src/charts/Chart.vue': 'import { VChart } from "@xinqiao/web-kit/charts";' }),
    ).toBeUndefined();
  });

  it('runs only for a remote that asks for the charts', () => {
    const names = (options: { charts?: boolean }) =>
      (officeRemote({ ...college, ...options }).plugins ?? [])
        .flat()
        .map((p) => (p && typeof p === 'object' && 'name' in p ? p.name : ''));
    expect(names({ charts: true })[0]).toBe('xinqiao:charts-imported');
    expect(names({})).not.toContain('xinqiao:charts-imported');
  });
});
