/**
 * The Element Plus components the shell itself renders, by deep import with their styles (see web-kit/elements
 * for why). They are the same module instances that web-kit/elements hands to the modules.
 */
import 'element-plus/es/components/base/style/css';
import 'element-plus/es/components/button/style/css';
import 'element-plus/es/components/card/style/css';
import 'element-plus/es/components/config-provider/style/css';
import 'element-plus/es/components/empty/style/css';
import 'element-plus/es/components/form/style/css';
import 'element-plus/es/components/form-item/style/css';
import 'element-plus/es/components/input/style/css';
import 'element-plus/es/components/result/style/css';
import 'element-plus/es/components/skeleton/style/css';
import 'element-plus/es/components/tag/style/css';

export type { FormInstance, FormRules } from 'element-plus';
export { ElButton } from 'element-plus/es/components/button/index.mjs';
export { ElCard } from 'element-plus/es/components/card/index.mjs';
export { ElConfigProvider } from 'element-plus/es/components/config-provider/index.mjs';
export { ElEmpty } from 'element-plus/es/components/empty/index.mjs';
export { ElForm, ElFormItem } from 'element-plus/es/components/form/index.mjs';
export { ElInput } from 'element-plus/es/components/input/index.mjs';
export { ElResult } from 'element-plus/es/components/result/index.mjs';
export { ElSkeleton } from 'element-plus/es/components/skeleton/index.mjs';
export { ElTag } from 'element-plus/es/components/tag/index.mjs';
