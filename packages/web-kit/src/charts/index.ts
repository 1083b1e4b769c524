/**
 * ECharts for every module, through vue-echarts, with only the chart types and components the platform uses
 * registered (the whole of ECharts is ~370 KB gzip). Kept out of web-kit's main entry so the shell's first page
 * does not download it: the shell shares this entry as a lazy singleton that the first module drawing a chart loads.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import VChart from 'vue-echarts';
import 'vue-echarts/style.css';

use([
  BarChart,
  LineChart,
  PieChart,
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type { EChartsOption } from 'echarts';
export { VChart };
