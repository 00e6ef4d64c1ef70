import { writeFileSync } from 'node:fs';
import { OPENAPI_FILE, generateOpenApiJson } from './openapi-doc.ts';

writeFileSync(OPENAPI_FILE, await generateOpenApiJson());
process.stdout.write(`Wrote ${OPENAPI_FILE}\n`);
