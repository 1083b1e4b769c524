import { describe, expect, it } from 'vitest';
import { officeRemote, remoteFederation } from './index.js';

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
