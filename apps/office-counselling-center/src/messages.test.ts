import { messageParityProblems } from '@xinqiao/web-kit/i18n-parity';
import { describe, expect, it } from 'vitest';
import { appointmentMessages } from './components/appointment-messages.ts';
import { calendarMessages } from './components/calendar-messages.ts';
import { completionMessages } from './components/completion-messages.ts';
import { treeHoleMessages } from './components/tree-hole-messages.ts';
import { messages } from './messages.ts';

describe('counselling center messages', () => {
  it.each([
    ['the module', messages['zh-CN'], messages.en],
    ['appointments', appointmentMessages['zh-CN'], appointmentMessages.en],
    ['calendar', calendarMessages['zh-CN'], calendarMessages.en],
    ['completion', completionMessages['zh-CN'], completionMessages.en],
    ['tree hole', treeHoleMessages['zh-CN'], treeHoleMessages.en],
  ] as const)('%s: the same keys and placeholders in zh-CN and English, none empty', (_, zh, en) => {
    expect(messageParityProblems(zh, en)).toEqual([]);
  });
});
