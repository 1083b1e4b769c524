import { z } from 'zod';
import { AREA_CONTRACTS, AREA_IDS, isAreaId } from '../../contracts';
import type { AreaContract } from '../../contracts/contract';
import { describeFactType, type FactSpecs } from '../../contracts/facts';
import { parseCommand, say } from '../args';

function factRows(facts: FactSpecs, derived = false): string[] {
  return Object.entries(facts).map(([name, spec]) => {
    const when = spec.scope ? `when ${spec.scope.fact} is ${spec.scope.values.join('/')}` : '';
    const need = derived ? 'derived' : spec.optional ? 'optional' : 'required';
    return `| \`${name}\` | ${describeFactType(spec.type)} | ${[need, when].filter(Boolean).join(', ')} | ${spec.label.en} |`;
  });
}

function paramsOf(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.keys(json.properties ?? {})
    .map((key) => (json.required?.includes(key) ? `\`${key}\`` : `\`${key}?\``))
    .join(', ');
}

/** `contracts [area]`: the facts, events and decision strategies of each area, as markdown. */
export async function contractsCommand(argv: string[]): Promise<number> {
  const { positionals } = parseCommand(argv);
  const only = positionals[0];
  if (only !== undefined && !isAreaId(only))
    throw new Error(`unknown area "${only}"; known: ${AREA_IDS.join(', ')}`);
  for (const id of only ? [only] : AREA_IDS) {
    const contract = AREA_CONTRACTS[id] as AreaContract;
    say(`### \`${id}\` (${contract.title.zh}, ${contract.title.en})`);
    say();
    say('| fact | type | given | meaning |');
    say('|---|---|---|---|');
    for (const row of factRows(contract.facts)) say(row);
    if (contract.derived) for (const row of factRows(contract.derived.facts, true)) say(row);
    say();
    say(
      `Events: ${Object.entries(contract.events)
        .map(([type, schema]) => `\`${type}\` {${paramsOf(schema)}}`)
        .join('; ')}.`,
    );
    say();
    say(
      `Decision: ${contract.decisions.map((decision) => `\`${decision}\` (${contract.decisionHelp[decision]})`).join('; ')}.`,
    );
    say();
  }
  return 0;
}
