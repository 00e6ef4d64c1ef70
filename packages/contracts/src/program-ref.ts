import { z } from 'zod';

/** A program as a query or a body names it (`program`): its slug, as /api/programs lists it. */
export const programRefSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, {
  error: 'program must be a program slug from /api/programs, for example home-energy-rebate.',
});
