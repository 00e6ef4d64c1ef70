// Starts the production build behind the real API on a free port, with a throw-away data folder, and stops it.
// Shared by bench/lighthouse/run.mjs, bench/bundle/first-page-js.mjs and bench/api/run.ts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `node scripts/build-stale.mjs` (rebuilds only the apps whose inputs changed). */
export function buildIfNeeded() {
  const r = spawnSync(process.execPath, ['scripts/build-stale.mjs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`build failed (exit ${r.status})`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });
}

/**
 * @returns {Promise<{ origin: string, stop: () => Promise<void>, logFile: string }>}
 * The caller must call stop() (in a finally); a process 'exit' hook kills the server too as a last resort.
 */
export async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'hms-bench-'));
  const logFile = join(dataDir, 'api.log');
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HMS_DATA_DIR: dataDir,
      NODE_ENV: 'production',
      HMS_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exited = false;
  const exitedPromise = new Promise((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve(undefined);
    }),
  );
  const killHook = () => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killHook);
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitedPromise;
      clearTimeout(t);
    }
    process.off('exit', killHook);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited) {
      const log = readFileSync(logFile, 'utf8');
      await stop();
      throw new Error(`API exited before it was ready:\n${log.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${origin}/api/ready`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('API not ready after 180 s');
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const index = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
  if (!(await index.text()).includes('<div id="root">')) {
    await stop();
    throw new Error('The API is up but does not serve the shell build (apps/shell/dist missing?)');
  }
  return { origin, stop, logFile };
}

/** Signs in through the API like the browser does (double-submit CSRF); returns the Cookie header value. */
export async function signIn(origin, email = 'citizen@example.gov', password = 'hms-demo-2026') {
  const first = await fetch(`${origin}/api/ready`);
  const csrf = /hms_csrf=([^;]+)/.exec(first.headers.getSetCookie().join('\n'))?.[1];
  if (!csrf) throw new Error('no hms_csrf cookie from the API');
  const res = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `hms_csrf=${csrf}`,
      'x-csrf-token': csrf,
    },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const set = res.headers.getSetCookie().join('\n');
  const session = /hms_session=([^;]+)/.exec(set)?.[1];
  if (!session) throw new Error('sign-in gave no hms_session cookie');
  // Sign-in rotates the CSRF cookie with the session: keep the new one, or a page that sees the stale one re-issues
  // it, and that Set-Cookie would replace the Cookie extra header Lighthouse sends (signing the page out).
  const rotated = /hms_csrf=([^;]+)/.exec(set)?.[1] ?? csrf;
  return `hms_session=${session}; hms_csrf=${rotated}`;
}
