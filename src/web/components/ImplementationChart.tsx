// Loaded with React.lazy: ECharts stays out of the first load (it shares the "echarts" chunk with TradeChart).

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

export type SessionPoint = { label: string; rate: number | null; progress: number | null };

export type ImplementationChartProps = {
  points: SessionPoint[];
  rateName: string;
  progressName: string;
  ariaLabel: string;
  /** A bar or point was clicked: the index of its session. */
  onSelect: (index: number) => void;
};

/** Per session, over time: the share of its agreements done (bars) and the rolled-up progress (line), in %. */
export function ImplementationChart({ points, rateName, progressName, ariaLabel, onSelect }: ImplementationChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const chart = init(node, undefined, { renderer: "canvas" });
    const option: Option = {
      animation: false,
      color: ["#2f9e44", "#1c7ed6"],
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, data: [rateName, progressName] },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (value) => (typeof value === "number" ? `${value}%` : "—"),
      },
      xAxis: { type: "category", data: points.map((p) => p.label), axisTick: { alignWithLabel: true } },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      series: [
        {
          type: "bar",
          name: rateName,
          data: points.map((p) => p.rate),
          barMaxWidth: 36,
          label: { show: true, position: "top", formatter: (p) => (typeof p.value === "number" ? `${p.value}%` : "") },
          cursor: "pointer",
        },
        {
          type: "line",
          name: progressName,
          data: points.map((p) => p.progress),
          symbolSize: 8,
          connectNulls: true,
        },
      ],
    };
    chart.setOption(option);
    chart.on("click", (params) => {
      if (typeof params.dataIndex === "number") select.current(params.dataIndex);
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(node);
    // Printing lays the page out narrower: draw again at the print width.
    const beforePrint = () => chart.resize();
    window.addEventListener("beforeprint", beforePrint);
    return () => {
      window.removeEventListener("beforeprint", beforePrint);
      resize.disconnect();
      chart.dispose();
    };
  }, [points, rateName, progressName]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={ariaLabel}
      className="igc-chart"
      style={{ width: "100%", height: 260 }}
      data-testid="implementation-chart"
    />
  );
}
