import type { FastifyRequest } from 'fastify';
import type { Language } from '@hms/contracts/language';

/**
 * The language to write a response in for this reader: the first of English or Spanish in Accept-Language (the
 * screens send the language they show, so a switch applies at once), else the language saved in their profile.
 */
export function readerLanguage(request: FastifyRequest, profile?: Language): Language {
  const header = request.headers['accept-language'];
  if (typeof header === 'string' && header) {
    const ranked = header
      .split(',')
      .map((part, index) => {
        const [tag = '', ...rest] = part.trim().split(';');
        const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
      })
      .filter((r) => Number.isFinite(r.q) && r.q > 0)
      .sort((a, b) => b.q - a.q || a.index - b.index);
    for (const { tag } of ranked) {
      if (tag === 'es' || tag.startsWith('es-')) return 'es';
      if (tag === 'en' || tag.startsWith('en-')) return 'en';
    }
  }
  return profile ?? 'en';
}
