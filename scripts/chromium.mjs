// The Chromium every browser run drives (the browser tests and the benches): CHROME_PATH, else Debian's, with the
// flags this machine needs (no sandbox in the container, no GPU, nothing fetched or updated behind the run's back).
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
