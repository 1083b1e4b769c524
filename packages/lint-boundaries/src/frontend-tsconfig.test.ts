import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Every package whose code runs in the browser: the shell, the office modules, web-kit and plugin screens. */
function frontendPackages(): string[] {
  const offices = readdirSync(join(repoRoot, 'apps')).filter((name) => name.startsWith('office-'));
  const pluginScreens = readdirSync(join(repoRoot, 'plugins'))
    .map((name) => join('plugins', name, 'ui'))
    .filter((dir) => existsSync(join(repoRoot, dir, 'package.json')));
  return ['apps/shell', ...offices.map((name) => join('apps', name)), 'packages/web-kit', ...pluginScreens];
}

interface TsConfig {
  compilerOptions?: { types?: string[] };
  include?: string[];
  exclude?: string[];
}

const tsconfigOf = (dir: string, file: string): TsConfig =>
  JSON.parse(readFileSync(join(repoRoot, dir, file), 'utf8')) as TsConfig;

describe('frontend tsconfig: Node types stay off browser code', () => {
  it('finds the shell, every office module, web-kit and the plugin screens', () => {
    expect(frontendPackages()).toEqual(
      expect.arrayContaining([
        'apps/shell',
        'apps/office-school-admin',
        'packages/web-kit',
        'plugins/nuc-shuozhou/ui',
      ]),
    );
  });

  for (const dir of frontendPackages()) {
    it(`${dir}: tsconfig.json checks src with browser types only, tests and config files apart`, () => {
      const browser = tsconfigOf(dir, 'tsconfig.json');
      expect(browser.compilerOptions?.types).toEqual(['vite/client']);
      expect(browser.include).toEqual(['src']);
      expect(browser.exclude).toContain('src/**/*.test.ts');
    });

    it(`${dir}: tsconfig.node.json checks the config files and tests, and the typecheck runs both`, () => {
      const node = tsconfigOf(dir, 'tsconfig.node.json');
      expect(node.include).toEqual(expect.arrayContaining(['*.ts', 'src/**/*.test.ts']));
      const scripts = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')).scripts;
      expect(scripts.typecheck).toContain('-p tsconfig.json');
      expect(scripts.typecheck).toContain('-p tsconfig.node.json');
    });
  }
});
