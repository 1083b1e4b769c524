import * as WebKit from '@xinqiao/web-kit';
import * as Pinia from 'pinia';
import * as Vue from 'vue';
import * as VueI18n from 'vue-i18n';
import * as VueRouter from 'vue-router';

/** One shared package as the Module Federation runtime wants it from a host without a build plugin. */
export interface SharedEntry {
  version: string;
  lib?: () => unknown;
  get?: () => Promise<() => unknown>;
  shareConfig: { singleton: true; requiredVersion: string };
}

function caretRange(version: string): string {
  const major = version.split('.')[0];
  return major === '0' ? `~${version}` : `^${major}.0.0`;
}

function eager(name: string, lib: unknown): SharedEntry {
  const version = versionOf(name);
  return { version, lib: () => lib, shareConfig: { singleton: true, requiredVersion: caretRange(version) } };
}

function lazy(name: string, load: () => Promise<unknown>): SharedEntry {
  const version = versionOf(name);
  return {
    version,
    get: () => load().then((mod) => () => mod),
    shareConfig: { singleton: true, requiredVersion: caretRange(version) },
  };
}

function versionOf(name: string): string {
  const version = __XQ_SHARED_VERSIONS__[name];
  if (!version) throw new Error(`no build-time version for shared package ${name}`);
  return version;
}

/**
 * The singletons the shell gives every module. What the shell itself runs on (vue, pinia, vue-router, vue-i18n, and
 * web-kit's i18n, session and API client) is handed over as is. Element Plus's module components
 * (web-kit/elements), ECharts (web-kit/charts) and the full Element Plus are separate chunks that load only when a
 * module asks for them, built from the same module graph as the shell, so they are the shell's own instances.
 */
export function sharedSingletons(): Record<string, SharedEntry> {
  return {
    vue: eager('vue', Vue),
    pinia: eager('pinia', Pinia),
    'vue-router': eager('vue-router', VueRouter),
    'vue-i18n': eager('vue-i18n', VueI18n),
    '@xinqiao/web-kit': eager('@xinqiao/web-kit', WebKit),
    '@xinqiao/web-kit/elements': lazy('@xinqiao/web-kit', () => import('@xinqiao/web-kit/elements')),
    '@xinqiao/web-kit/charts': lazy('@xinqiao/web-kit', () => import('@xinqiao/web-kit/charts')),
    'element-plus': lazy('element-plus', () => import('element-plus')),
  };
}
