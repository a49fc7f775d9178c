import type { LocalizedText } from "../../shared/i18n-text.ts";
import type { ProtocolData } from "../protocol/protocol-data.ts";

/** A figure the session reported, e.g. trade grew by more than 94% in January–October 2025. */
export type SessionFigure = {
  indicator: string;
  kind: "growth_yoy" | "value";
  comparator: "more_than" | "less_than" | "about" | "exactly";
  value: number;
  unit: string;
  /** YYYY-MM */
  periodStart: string;
  periodEnd: string;
};

/** The protocol's facts plus what a press release tells besides: the visit's programme and the figures. */
export type PressReleaseData = ProtocolData & {
  held: boolean;
  siteVisits: LocalizedText[];
  figures: SessionFigure[];
};
