import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One lint finding: which rule fired on which file (a path inside the fixture tree). */
export interface Finding {
  rule: string;
  file: string;
  severity: string;
}

/** What Biome said about a fixture tree: its findings and whether `biome lint` passed. */
export interface FixtureLint {
  findings: Finding[];
  passed: boolean;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const biomeBin = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');

/**
 * Lints a fixture tree under `fixtures/` with the repository's own biome.json, as if its files sat at the same
 * paths in the repository: the tree is copied next to a copy of the config (version control off, since the copy
 * is no repository), so the per-path fences in `overrides` apply exactly as they do to real code.
 *
 * @example
 * const { findings } = lintFixture('planted');
 * findings.some((f) => f.rule === 'lint/style/noRestrictedImports'); // true
 */
export function lintFixture(name: string): FixtureLint {
  const workDir = mkdtempSync(join(tmpdir(), `xinqiao-lint-${name}-`));
  try {
    cpSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), workDir, { recursive: true });
    const config = JSON.parse(readFileSync(join(repoRoot, 'biome.json'), 'utf8'));
    config.vcs = { enabled: false };
    writeFileSync(join(workDir, 'biome.json'), JSON.stringify(config));
    const run = spawnSync(
      process.execPath,
      [biomeBin, 'lint', '--reporter=json', '--max-diagnostics=none', '--colors=off', '.'],
      { cwd: workDir, encoding: 'utf8' },
    );
    return { findings: findingsOf(run.stdout, workDir), passed: run.status === 0 };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

interface JsonDiagnostic {
  category?: string;
  severity: string;
  location?: { path?: string | { file: string } };
}

function findingsOf(stdout: string, workDir: string): Finding[] {
  const report = JSON.parse(stdout) as { diagnostics: JsonDiagnostic[] };
  return report.diagnostics.map((d) => {
    const path = d.location?.path;
    const file = typeof path === 'string' ? path : (path?.file ?? '');
    return {
      rule: d.category ?? '',
      file: file.startsWith('/') ? relative(workDir, file) : file,
      severity: d.severity,
    };
  });
}
