/**
 * Chromium as this project runs it: the Debian package at /usr/bin/chromium (no `playwright install`), headless,
 * without the background traffic a fresh profile makes.
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.XINQIAO_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
