/**
 * `@xinqiao/web-kit/charts`: ECharts for every module, through vue-echarts, with only the chart types and
 * components the platform uses registered (the whole of ECharts is ~370 KB gzip). The shell shares this entry as a
 * lazy singleton, so the first page does not download it and every module draws with the same ECharts.
 * A module that needs another chart type registers it here.
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import VChart from 'vue-echarts';
import 'vue-echarts/style.css';

use([BarChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type { EChartsOption } from 'echarts';
export { VChart };
