/**
 * `@xinqiao/web-kit/elements`: the Element Plus components Xinqiao's modules use, imported one by one with their
 * styles so that a page downloads only these (the whole library is ~290 KB gzip of JS). The shell shares this entry
 * as a lazy singleton: its own components come from the same module instances, so the page has one Element Plus
 * (one config provider: locale, z-index), and the components only modules need load with the first module.
 * A module that needs another component adds it here.
 */
import 'element-plus/es/components/base/style/css';
import 'element-plus/es/components/alert/style/css';
import 'element-plus/es/components/button/style/css';
import 'element-plus/es/components/card/style/css';
import 'element-plus/es/components/config-provider/style/css';
import 'element-plus/es/components/descriptions/style/css';
import 'element-plus/es/components/descriptions-item/style/css';
import 'element-plus/es/components/dialog/style/css';
import 'element-plus/es/components/empty/style/css';
import 'element-plus/es/components/form/style/css';
import 'element-plus/es/components/form-item/style/css';
import 'element-plus/es/components/input/style/css';
import 'element-plus/es/components/input-number/style/css';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import 'element-plus/es/components/option/style/css';
import 'element-plus/es/components/pagination/style/css';
import 'element-plus/es/components/radio-button/style/css';
import 'element-plus/es/components/radio-group/style/css';
import 'element-plus/es/components/select/style/css';
import 'element-plus/es/components/skeleton/style/css';
import 'element-plus/es/components/table/style/css';
import 'element-plus/es/components/table-column/style/css';
import 'element-plus/es/components/tab-pane/style/css';
import 'element-plus/es/components/tabs/style/css';
import 'element-plus/es/components/tag/style/css';
import 'element-plus/es/components/tree/style/css';

import type { ElTree as ElTreeComponent } from 'element-plus/es/components/tree/index.mjs';
import { defineAsyncComponent } from 'vue';

export type { FormInstance, FormRules } from 'element-plus';
// Deep imports, not `from 'element-plus'`: the package index would pull the whole library into the shell's
// first chunk, and would also stop the shell from splitting the full library into its lazy shared chunk.
export { ElAlert } from 'element-plus/es/components/alert/index.mjs';
export { ElButton } from 'element-plus/es/components/button/index.mjs';
export { ElCard } from 'element-plus/es/components/card/index.mjs';
export { ElConfigProvider } from 'element-plus/es/components/config-provider/index.mjs';
export { ElDescriptions, ElDescriptionsItem } from 'element-plus/es/components/descriptions/index.mjs';
export { ElDialog } from 'element-plus/es/components/dialog/index.mjs';
export { ElEmpty } from 'element-plus/es/components/empty/index.mjs';
export { ElForm, ElFormItem } from 'element-plus/es/components/form/index.mjs';
export { ElInput } from 'element-plus/es/components/input/index.mjs';
export { ElInputNumber } from 'element-plus/es/components/input-number/index.mjs';
export { ElMessage } from 'element-plus/es/components/message/index.mjs';
export { ElMessageBox } from 'element-plus/es/components/message-box/index.mjs';
export { ElPagination } from 'element-plus/es/components/pagination/index.mjs';
export { ElRadioButton, ElRadioGroup } from 'element-plus/es/components/radio/index.mjs';
export { ElOption, ElSelect } from 'element-plus/es/components/select/index.mjs';
export { ElSkeleton } from 'element-plus/es/components/skeleton/index.mjs';
export { ElTable, ElTableColumn } from 'element-plus/es/components/table/index.mjs';
export { ElTabPane, ElTabs } from 'element-plus/es/components/tabs/index.mjs';
export { ElTag } from 'element-plus/es/components/tag/index.mjs';

/**
 * Only the school admin's network panel draws a tree: ElTree loads when first drawn, so every other module downloads
 * ~8 KB gzip less before its first render. Typed as the component itself; a template ref reaches the tree (Vue hands
 * an async component's ref to the inner component).
 */
export const ElTree = defineAsyncComponent(() =>
  import('element-plus/es/components/tree/index.mjs').then((module) => module.ElTree),
) as unknown as typeof ElTreeComponent;
