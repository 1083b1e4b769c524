import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs one of poppler's tools (pdftotext, pdfinfo, pdftoppm) and answers what it printed. Asynchronous on purpose:
 * Playwright's request client lives in the test's own process, and a synchronous child blocks its event loop, so a
 * keep-alive socket the API closed meanwhile (after 10 s idle) is only noticed after the next request was written
 * to it — which then fails with ECONNRESET.
 */
export async function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdftoppm', args: string[]): Promise<string> {
  return (await run(tool, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
}
