import { Badge, Tooltip } from "@mantine/core";
import type { LocalizedText as Text } from "../../shared/i18n-text.ts";
import { pickText } from "../../shared/i18n-text.ts";
import { useLang } from "../hooks.ts";

/**
 * A multilingual server text in the user's language. When that language is missing it shows another one and
 * says so with a small badge, so nobody mistakes a Russian original for a translation.
 */
export function LocalizedText({ text, empty = "—" }: { text: Text | null | undefined; empty?: string }) {
  const { t, lang } = useLang();
  const picked = pickText(text, lang);
  if (!picked) return <>{empty}</>;
  if (picked.lang === lang) return <>{picked.value}</>;
  return (
    <>
      {picked.value}{" "}
      <Tooltip label={t("app.fallbackLanguage", { language: t(`languages.${picked.lang}`) })} withArrow>
        <Badge
          component="span"
          size="xs"
          variant="outline"
          color="gray"
          radius="sm"
          style={{ verticalAlign: "middle", textTransform: "none" }}
          data-testid="fallback-language"
        >
          ({picked.lang})
        </Badge>
      </Tooltip>
    </>
  );
}

/** The plain string for places that take no markup (document.title, select options). */
export function usePlainText(): (text: Text | null | undefined, empty?: string) => string {
  const { lang } = useLang();
  return (text, empty = "") => {
    const picked = pickText(text, lang);
    if (!picked) return empty;
    return picked.lang === lang ? picked.value : `${picked.value} (${picked.lang})`;
  };
}
