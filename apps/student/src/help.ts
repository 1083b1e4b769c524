import { ref } from 'vue';
import { fetchMe, type HelpLine, type MyStudent } from './api.ts';

/** The signed-in student and the school's help line, loaded once per page and shared by every view. */
export const me = ref<MyStudent | null>(null);
export const meProblem = ref<unknown>(null);

export async function loadMe(): Promise<MyStudent | null> {
  try {
    me.value = await fetchMe();
    meProblem.value = null;
  } catch (e) {
    meProblem.value = e;
  }
  return me.value;
}

/** A `tel:` link for a phone number as printed (spaces and dashes dropped). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

export type { HelpLine };
