import { i18n } from '@xinqiao/web-kit';
import { en, zhCN } from './messages.ts';

// The shell's i18n is shared by every module: adding this module's section there makes the shell's language switch
// re-render it like everything else. Merging is idempotent, so loading the module twice does no harm.
i18n.global.mergeLocaleMessage('zh-CN', zhCN);
i18n.global.mergeLocaleMessage('en', en);
