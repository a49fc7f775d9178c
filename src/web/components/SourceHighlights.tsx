import { Group, Text } from "@mantine/core";
import { memo, type RefObject, useEffect, useMemo } from "react";
import { useLang } from "../hooks.ts";
import { type EvidenceIndex, kindOf, LOW_CONFIDENCE, segmentsOf } from "../import-draft.ts";
import styles from "./SourceHighlights.module.css";

export { styles as highlightStyles };

const LEGEND = ["session", "co_chairs", "commitments", "organizations", "figures", "next_session"] as const;

/**
 * The normalised source of an import with every extracted fact highlighted. The text is data from outside: it is
 * rendered as React text nodes only, never as markup, so a document's `<script>` or `onerror=` stays visible text.
 * Each highlight names its facts in `data-facts`; useFactLinks ties them to the draft's cards.
 */
export const SourceHighlights = memo(function SourceHighlights({
  text,
  evidence,
  labelOf,
  removed,
  language,
}: {
  text: string;
  /** The document's language, for the browser's hyphenation and a screen reader's voice. */
  language: string;
  evidence: EvidenceIndex;
  /** A fact's name for the reader ("Agreement 3", "Session: city"). */
  labelOf: (fact: string) => string;
  /** Facts the reviewer has removed from the draft: their highlight is struck through. */
  removed: ReadonlySet<string>;
}) {
  const { t } = useLang();
  const segments = useMemo(() => segmentsOf(text.length, evidence.values()), [text, evidence]);
  return (
    <div>
      <Group gap="xs" mb={6} wrap="wrap" aria-hidden>
        {LEGEND.map((kind) => (
          <Text key={kind} size="xs" c="dimmed" span>
            <mark className={`${styles.mark} ${styles.swatch}`} data-kind={kind} />
            {t(`importReview.kind_${kind}`)}
          </Text>
        ))}
        <Text size="xs" c="dimmed" span>
          <span style={{ textDecoration: "underline dashed var(--mantine-color-orange-7)" }}>abc</span>{" "}
          {t("importReview.lowConfidence")}
        </Text>
      </Group>
      <div className={styles.source} data-testid="import-source" lang={language}>
        {segments.map((segment) => {
          const piece = text.slice(segment.start, segment.end);
          if (segment.facts.length === 0) return piece;
          const primary = segment.facts[0] as string;
          const low = segment.facts.some((f) => (evidence.get(f)?.confidence ?? 1) < LOW_CONFIDENCE);
          const gone = segment.facts.every((f) => removed.has(f));
          return (
            <mark
              key={segment.start}
              className={styles.mark}
              data-kind={kindOf(primary)}
              data-facts={segment.facts.join(" ")}
              data-low={low ? "true" : undefined}
              data-removed={gone ? "true" : undefined}
              data-testid="source-fact"
              title={segment.facts.map(labelOf).join("\n")}
            >
              {piece}
            </mark>
          );
        })}
      </div>
    </div>
  );
});

function escapeAttribute(value: string): string {
  return typeof CSS !== "undefined" && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, "\\$&");
}

function marksOf(root: HTMLElement, fact: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`mark[data-facts~="${escapeAttribute(fact)}"]`)];
}

function cardsOf(root: HTMLElement, fact: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[data-fact="${escapeAttribute(fact)}"]`)];
}

/** Scrolls the source pane (not the page) so that the mark is in sight, if it is not already. */
function revealInPane(mark: HTMLElement): void {
  const pane = mark.closest<HTMLElement>(`.${styles.source}`);
  if (!pane) return;
  const top = mark.offsetTop;
  const bottom = top + mark.offsetHeight;
  if (top >= pane.scrollTop && bottom <= pane.scrollTop + pane.clientHeight) return;
  pane.scrollTo({ top: Math.max(0, top - pane.clientHeight / 3), behavior: "smooth" });
}

/**
 * Hovering or selecting a fact on one side marks it on the other: a highlight in the source and the draft card it
 * supports (`data-fact`). Done by toggling a class on the elements, so that the two panes do not re-render on every
 * mouse move. Clicking a highlight scrolls to its card; focusing a card scrolls the source to its highlight.
 */
export function useFactLinks(rootRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let hovered: string | null = null;
    let selected: string | null = null;
    const paint = () => {
      for (const element of root.querySelectorAll(".is-active")) element.classList.remove("is-active");
      for (const fact of [hovered, selected]) {
        if (!fact) continue;
        for (const element of [...marksOf(root, fact), ...cardsOf(root, fact)]) element.classList.add("is-active");
      }
    };
    const factAt = (target: EventTarget | null): { fact: string; from: "source" | "draft" } | null => {
      if (!(target instanceof Element)) return null;
      const mark = target.closest<HTMLElement>("mark[data-facts]");
      if (mark && root.contains(mark)) {
        const first = mark.dataset.facts?.split(" ")[0];
        return first ? { fact: first, from: "source" } : null;
      }
      const card = target.closest<HTMLElement>("[data-fact]");
      return card?.dataset.fact && root.contains(card) ? { fact: card.dataset.fact, from: "draft" } : null;
    };
    const onOver = (event: MouseEvent) => {
      const found = factAt(event.target);
      const fact = found?.fact ?? null;
      if (fact === hovered) return;
      hovered = fact;
      paint();
      if (found?.from === "draft") {
        const mark = marksOf(root, found.fact)[0];
        if (mark) revealInPane(mark);
      }
    };
    const onLeave = () => {
      hovered = null;
      paint();
    };
    const onClick = (event: MouseEvent) => {
      const found = factAt(event.target);
      if (found?.from !== "source") return;
      selected = found.fact;
      paint();
      cardsOf(root, found.fact)[0]?.scrollIntoView({ behavior: "smooth", block: "center" });
    };
    const onFocus = (event: FocusEvent) => {
      const found = factAt(event.target);
      if (found?.from !== "draft") return;
      selected = found.fact;
      paint();
      const mark = marksOf(root, found.fact)[0];
      if (mark) revealInPane(mark);
    };
    root.addEventListener("mouseover", onOver);
    root.addEventListener("mouseleave", onLeave);
    root.addEventListener("click", onClick);
    root.addEventListener("focusin", onFocus);
    return () => {
      root.removeEventListener("mouseover", onOver);
      root.removeEventListener("mouseleave", onLeave);
      root.removeEventListener("click", onClick);
      root.removeEventListener("focusin", onFocus);
    };
  }, [rootRef]);
}
