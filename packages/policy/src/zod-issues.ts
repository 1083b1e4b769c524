import type { z } from 'zod';
import { jsonPath, type PathSegment, type PolicyError } from './errors';

/**
 * Turns zod issues into policy errors naming the file and the JSON path.
 * @example zodErrors(result.error, 'plugins/hut/plugin.json') // [{ file, path: '$.version', message: '…' }]
 */
export function zodErrors(
  error: z.ZodError,
  file: string,
  prefix: readonly PathSegment[] = [],
): PolicyError[] {
  return error.issues.map((issue) => ({
    file,
    path: jsonPath([...prefix, ...(issue.path as PathSegment[])]),
    message: messageOf(issue),
  }));
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unexpected key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return `is required (${issue.expected})`;
  return issue.message;
}
