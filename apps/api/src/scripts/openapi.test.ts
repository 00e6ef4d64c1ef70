import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE, generateOpenApiJson } from './openapi-doc.ts';

describe('openapi.json', () => {
  it('the committed document matches what the code generates', async () => {
    const generated = await generateOpenApiJson();
    let committed = '';
    try {
      committed = readFileSync(OPENAPI_FILE, 'utf8');
    } catch {
      // reported below
    }
    if (committed !== generated) {
      throw new Error(
        `${OPENAPI_FILE} is out of date with the API's route schemas: run \`pnpm openapi\` and commit the result.`,
      );
    }
    const doc = JSON.parse(generated);
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, methods] of Object.entries(
      doc.paths as Record<string, Record<string, { operationId?: string; description?: string }>>,
    )) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op.operationId, `${method} ${path}`).toBeTruthy();
        expect(op.description, `${method} ${path}`).toMatch(/Roles: /);
      }
    }
  });
});
