import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_TABLE, DEMO_PASSWORD, demoAccountsMarkdown } from './accounts.ts';
import { DEMO_ROLES } from './types.ts';

describe('demo account table', () => {
  it('has unique usernames and covers every role', () => {
    const usernames = DEMO_ACCOUNT_TABLE.map((r) => r.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(new Set(DEMO_ACCOUNT_TABLE.map((r) => r.role))).toEqual(new Set(DEMO_ROLES));
  });

  it('renders a Markdown table with every username, role id and the shared password', () => {
    const markdown = demoAccountsMarkdown();
    for (const row of DEMO_ACCOUNT_TABLE) expect(markdown).toContain(`| \`${row.username}\` |`);
    for (const role of DEMO_ROLES) expect(markdown).toContain(`\`${role}\``);
    expect(markdown).toContain(DEMO_PASSWORD);
  });
});
