import semver from 'semver';
import { z } from 'zod';
import { AREA_IDS, type AreaId, isAreaId } from '../contracts';
import { kebabSchema, localizedSchema } from '../contracts/common';
import { didYouMean, jsonPath, type PolicyError } from '../errors';
import { POLICY_ENGINE_VERSION } from '../version';
import { zodErrors } from '../zod-issues';

/** Network level keys every school must have: students are placed on these units. */
export const REQUIRED_LEVELS = ['college', 'class', 'dorm'] as const;

const relativeFile = z
  .string()
  .regex(
    /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[\w./-]+\.json$/,
    'expected a .json path inside the plugin folder (no "..", no leading "/")',
  );

const networkLevel = z
  .object({
    key: kebabSchema.describe('Stable key of the level; `college`, `class` and `dorm` are required'),
    name: z.string().min(1).describe('Chinese name of the level as the school writes it'),
    nameEn: z.string().min(1),
  })
  .strict();

const uiRemote = z
  .object({
    remoteName: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an identifier (letters, digits, _)'),
    manifestUrl: z
      .string()
      .regex(
        /^(?![a-z][a-z0-9+.-]*:)(?!\/)(?!.*(^|\/)\.\.(\/|$)).+$/i,
        'expected a URL relative to the plugin folder',
      )
      .describe(
        'mf-manifest.json of the remote, relative to the served plugin folder, e.g. `ui/mf-manifest.json`',
      ),
    exposes: z.literal('./Screen'),
    title: localizedSchema,
  })
  .strict();

/** Schema of `plugin.json`. */
export const manifestSchema = z
  .object({
    $schema: z.string().optional(),
    id: kebabSchema.describe('Plugin id: the folder name and the school code'),
    version: z
      .string()
      .refine((value) => semver.valid(value) !== null, 'expected a semantic version, e.g. "1.2.0"'),
    engine: z
      .string()
      .refine((value) => semver.validRange(value) !== null, 'expected a semver range, e.g. "^1.0.0"')
      .describe('Range of @xinqiao/policy contract versions the rules are written for'),
    school: z.object({ code: kebabSchema, name: z.string().min(1), nameEn: z.string().min(1) }).strict(),
    description: localizedSchema.optional(),
    network: z.array(networkLevel).min(3).describe('Levels of the work network, root first'),
    areas: z
      .partialRecord(z.enum(AREA_IDS), relativeFile)
      .describe('Policy areas the plugin provides, each with its rule file'),
    ui: uiRemote.optional(),
  })
  .strict();

/** A validated `plugin.json`. */
export type PluginManifest = z.infer<typeof manifestSchema> & { areas: Partial<Record<AreaId, string>> };

/**
 * Validates a parsed `plugin.json`: the schema, then what a schema cannot say (id = folder = school code, the required
 * network levels in order, known areas, an engine range this version satisfies).
 * @example validateManifest(json, { file: 'plugins/hut/plugin.json', folder: 'hut' })
 */
export function validateManifest(
  json: unknown,
  options: { readonly file: string; readonly folder?: string },
): { manifest?: PluginManifest; errors: PolicyError[] } {
  const { file } = options;
  const errors: PolicyError[] = [];
  const at = (path: (string | number)[], message: string) =>
    errors.push({ file, path: jsonPath(path), message });
  const raw = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const unknownAreas = new Set<string>();
  if (raw.areas && typeof raw.areas === 'object') {
    for (const key of Object.keys(raw.areas)) {
      if (isAreaId(key)) continue;
      unknownAreas.add(key);
      at(['areas', key], `unknown area "${key}"${didYouMean(key, AREA_IDS)}; known: ${AREA_IDS.join(', ')}`);
    }
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    // Unknown area keys are reported above with a suggestion; zod's own key errors about them add nothing.
    const isUnknownAreaKey = (error: PolicyError) =>
      error.path === '$.areas' && [...unknownAreas].some((key) => error.message.includes(`"${key}"`));
    errors.push(...zodErrors(parsed.error, file).filter((error) => !isUnknownAreaKey(error)));
  }
  // What a schema cannot say, checked on whatever parts are well-formed so one run reports every problem.
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  if (id !== undefined && options.folder !== undefined && id !== options.folder) {
    at(['id'], `id "${id}" must equal the folder name "${options.folder}"`);
  }
  const code = (raw.school as { code?: unknown } | undefined)?.code;
  if (id !== undefined && typeof code === 'string' && code !== id)
    at(['school', 'code'], `school code "${code}" must equal the plugin id "${id}"`);
  if (
    typeof raw.engine === 'string' &&
    semver.validRange(raw.engine) &&
    !semver.satisfies(POLICY_ENGINE_VERSION, raw.engine)
  ) {
    at(['engine'], `requires engine "${raw.engine}" but this is ${POLICY_ENGINE_VERSION}`);
  }
  if (Array.isArray(raw.network)) {
    const levels = raw.network.filter((level): level is { key: string } => typeof level?.key === 'string');
    checkNetwork(levels, at);
  }
  if (raw.areas && typeof raw.areas === 'object' && Object.keys(raw.areas).length === 0) {
    at(['areas'], 'a plugin must provide at least one area');
  }
  return parsed.success ? { manifest: parsed.data as PluginManifest, errors } : { errors };
}

function checkNetwork(
  levels: readonly { key: string }[],
  at: (path: (string | number)[], message: string) => void,
): void {
  const seen = new Map<string, number>();
  levels.forEach((level, index) => {
    const first = seen.get(level.key);
    if (first !== undefined)
      at(['network', index, 'key'], `duplicate level key "${level.key}" (also $.network[${first}])`);
    else seen.set(level.key, index);
  });
  let previous = -1;
  for (const key of REQUIRED_LEVELS) {
    const index = seen.get(key);
    if (index === undefined) {
      at(
        ['network'],
        `the network must have a level with key "${key}" (students are placed on college, class and dorm)`,
      );
    } else if (index < previous) {
      at(
        ['network', index, 'key'],
        `level "${key}" must come after ${REQUIRED_LEVELS.slice(0, REQUIRED_LEVELS.indexOf(key)).join(' and ')} (root first)`,
      );
    } else previous = index;
  }
}
