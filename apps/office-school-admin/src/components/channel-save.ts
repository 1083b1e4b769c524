import { type FormProblem, formProblem } from '@xinqiao/web-kit';
import { ElMessage } from '@xinqiao/web-kit/elements';
import { ref } from 'vue';
import { type Channels, saveChannels } from '../channels-api.ts';

/**
 * What both channel forms do to save or remove their channel: one request at a time, the API's field errors placed
 * on `fields`, a success message, and the school's channels as they now stand handed to `saved`.
 *
 * @example
 * const { busy, problem, run } = useChannelSave(['email.host'], (channels) => emit('saved', channels));
 * await run({ email: null }, t('schoolAdmin.channels.removed'));
 */
export function useChannelSave(fields: readonly string[], saved: (channels: Channels) => void) {
  const busy = ref(false);
  const problem = ref<FormProblem>({ fields: {}, general: null });

  async function run(body: Parameters<typeof saveChannels>[0], done: string): Promise<void> {
    busy.value = true;
    problem.value = { fields: {}, general: null };
    try {
      saved(await saveChannels(body));
      ElMessage.success(done);
    } catch (e) {
      problem.value = formProblem(e, fields);
    } finally {
      busy.value = false;
    }
  }

  return { busy, problem, run };
}
