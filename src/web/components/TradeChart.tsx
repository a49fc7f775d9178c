// Loaded with React.lazy: ECharts stays out of the first load. Only the parts used here are registered.

import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import { BarChart, LineChart } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type TradeSeries = { reporter: string; name: string; points: { period: string; value: number }[] };

const COLORS = ["#1c7ed6", "#e8590c", "#2f9e44", "#ae3ec9"];

export type TradeChartProps = {
  series: TradeSeries[];
  /** The months compared by the growth figure, drawn stronger than the rest (current span and the base). */
  spans: { from: string; to: string }[];
  periodLabel: (period: string) => string;
  valueLabel: (value: number) => string;
  ariaLabel: string;
};

function inSpans(period: string, spans: { from: string; to: string }[]): boolean {
  return spans.some((s) => period >= s.from && period <= s.to);
}

/** Monthly figures per reporting country: bars, or lines when there are many months. */
export function TradeChart({ series, spans, periodLabel, valueLabel, ariaLabel }: TradeChartProps) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const chart = init(node, undefined, { renderer: "canvas" });
    const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
    const asLines = periods.length > 36;
    const option: Option = {
      animation: false,
      color: COLORS,
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, data: series.map((s) => s.name) },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: asLines ? "line" : "shadow" },
        valueFormatter: (value) => (typeof value === "number" ? valueLabel(value) : String(value)),
      },
      xAxis: {
        type: "category",
        data: periods.map(periodLabel),
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: "value", axisLabel: { formatter: (value: number) => valueLabel(value) } },
      series: series.map((s, i) => {
        const byPeriod = new Map(s.points.map((p) => [p.period, p.value]));
        const color = COLORS[i % COLORS.length] ?? COLORS[0];
        const data = periods.map((period) => {
          const value = byPeriod.get(period) ?? null;
          if (value === null) return null;
          const strong = spans.length === 0 || inSpans(period, spans);
          return { value, itemStyle: { color, opacity: strong ? 1 : 0.35 } };
        });
        return asLines
          ? ({ type: "line", name: s.name, data, showSymbol: false, lineStyle: { color } } satisfies LineSeriesOption)
          : ({ type: "bar", name: s.name, data, barMaxWidth: 18, itemStyle: { color } } satisfies BarSeriesOption);
      }),
    };
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(node);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [series, spans, periodLabel, valueLabel]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={ariaLabel}
      style={{ width: "100%", height: 280 }}
      data-testid="trade-chart"
    />
  );
}
