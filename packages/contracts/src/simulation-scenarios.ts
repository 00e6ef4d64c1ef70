/**
 * Saved simulation scenarios (issue 14 part 3): a named program, period and set of changes kept to open again,
 * compare with another, or turn into a draft program version for the publishing flow (docs/simulation.md).
 */
import { z } from 'zod';
import { personRefSchema } from './person-ref.ts';
import { programRefSchema } from './program-ref.ts';
import type { Role } from './auth.ts';
import { AREA_ROLES } from './areas.ts';
import {
  replayedFields,
  simulationChangesSchema,
  simulationFiguresSchema,
  simulationRequestSchema,
  simulationScenarioSchema,
} from './simulations.ts';

/** Who may read saved scenarios (list, open, compare): whoever may open the simulation area. */
export const scenarioReaderRoles = AREA_ROLES.simulations;
/** Who may save, rename, delete a scenario or turn it into a draft program version. */
export const scenarioWriterRoles = ['admin'] as const satisfies readonly Role[];

/**
 * The one rule for changing saved scenarios: the API guards its write routes with scenarioWriterRoles and the
 * simulation screen shows its write buttons only when this holds, so the two cannot disagree.
 */
export function mayChangeScenarios(roles: readonly Role[]): boolean {
  return roles.some((r) => (scenarioWriterRoles as readonly Role[]).includes(r));
}

export const SCENARIO_NAME_MAX = 80;

export const scenarioNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'name must not be empty: give the scenario a name.' })
  .max(SCENARIO_NAME_MAX, {
    error: `name must be at most ${SCENARIO_NAME_MAX} characters.`,
  })
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), {
    error: 'name must be one line without control characters.',
  })
  .describe('the scenario’s name, unique within its program (letter case ignored)');

/** POST /api/simulations/scenarios: a simulation request (the same schema POST /api/simulations takes) and a name. */
export const saveScenarioBodySchema = simulationRequestSchema
  .extend({ name: scenarioNameSchema })
  .strict();
export type SaveScenarioBody = z.input<typeof saveScenarioBodySchema>;

export const renameScenarioBodySchema = z.object({ name: scenarioNameSchema }).strict();
export type RenameScenarioBody = z.infer<typeof renameScenarioBodySchema>;

export const scenarioIdParamsSchema = z.object({ scenarioId: z.uuid() });

export const scenarioListQuerySchema = z
  .object({
    program: programRefSchema
      .optional()
      .describe('only this program’s scenarios (a slug); left out, every program’s'),
  })
  .strict();

/** GET …/scenarios/:scenarioId/compare/:otherId. */
export const scenarioCompareParamsSchema = z.object({
  scenarioId: z.uuid({ error: 'scenarioId must be the id of a saved scenario.' }),
  otherId: z.uuid({ error: 'otherId must be the id of a saved scenario.' }),
});

export const savedScenarioSchema = z.object({
  id: z.string(),
  name: z.string(),
  programId: z.string(),
  ...replayedFields,
  changes: simulationChangesSchema,
  savedBy: personRefSchema,
  savedAt: z.string(),
  updatedAt: z.string(),
});
export type SavedScenario = z.infer<typeof savedScenarioSchema>;

export const savedScenarioListSchema = z.object({ items: z.array(savedScenarioSchema) });
export type SavedScenarioList = z.infer<typeof savedScenarioListSchema>;

/**
 * Two saved scenarios of one program over one period, replayed now: the baseline (what happened) once, and each
 * scenario's figures beside it.
 */
export const scenarioComparisonSchema = z.object({
  ...replayedFields,
  baseline: simulationFiguresSchema,
  scenarios: z
    .array(z.object({ scenario: savedScenarioSchema, figures: simulationScenarioSchema }))
    .length(2),
  computedAt: z.string(),
});
export type ScenarioComparison = z.infer<typeof scenarioComparisonSchema>;

/** POST …/scenarios/:id/program-draft. */
export const scenarioDraftBodySchema = z
  .object({
    replaceDrafts: z
      .boolean()
      .default(false)
      .describe(
        'true replaces a program draft with unpublished changes and a decision-rules draft; false refuses (409) when there is one',
      ),
  })
  .strict();
export type ScenarioDraftBody = z.input<typeof scenarioDraftBodySchema>;

export const scenarioDraftResultSchema = z.object({
  programId: z.string(),
  scenarioId: z.string(),
  /** The program draft's revision the scenario was saved as; null when the scenario changes only decision rules. */
  programDraftRevision: z.number().int().nullable(),
  /** The decision-rules draft the scenario's rules were saved as; null when the scenario leaves the rules alone. */
  decisionRulesDraft: z.object({ id: z.string(), version: z.number().int() }).nullable(),
  /** What the draft changes against the live version, by the scenario's parameter names. */
  changed: z.array(z.string()),
});
export type ScenarioDraftResult = z.infer<typeof scenarioDraftResultSchema>;
