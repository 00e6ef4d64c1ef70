// Script sizes as the bundle and Lighthouse budgets count them: gzip-compressed bytes, shown in kB.
import { gzipSync } from 'node:zlib';

const gzipCache = new Map();
/** Bytes of `url` gzip-compressed (level 9, as the build's .gz files): the budget unit, whatever encoding the browser negotiated. */
export async function gzipBytes(url) {
  if (!gzipCache.has(url)) {
    const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    gzipCache.set(url, gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length);
  }
  return gzipCache.get(url);
}

export const kb = (bytes) => Math.round(bytes / 102.4) / 10;
