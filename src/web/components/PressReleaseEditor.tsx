import { Alert, Button, Group, Loader, SegmentedControl, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import type { PressReleaseLanguage } from "../../shared/api/exports.ts";
import { documentsApi, saveBlob } from "../documents-api.ts";
import { useLang } from "../hooks.ts";
import { errorMessage } from "./QueryState.tsx";

/** The languages the server drafts a press release in (PRESS_RELEASE_LANGUAGES, without loading zod here). */
const PRESS_RELEASE_LANGUAGES: readonly PressReleaseLanguage[] = ["ru", "en"];

/**
 * The press release drafted from the session's record (ru or en), edited here and exported as DOCX. Loading a
 * draft replaces what is in the editor; the editor says so before it does when there are edits.
 */
export function PressReleaseEditor({ sessionId }: { sessionId: string }) {
  const { t, lang } = useLang();
  const [language, setLanguage] = useState<PressReleaseLanguage>(lang === "en" ? "en" : "ru");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [loaded, setLoaded] = useState<{ title: string; text: string } | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [exported, setExported] = useState(false);

  const edited = loaded !== null && (loaded.title !== title || loaded.text !== text);

  const load = async (which: PressReleaseLanguage) => {
    setLoading(true);
    setFailure(null);
    try {
      const draft = await documentsApi.pressReleaseDraft(sessionId, which);
      setTitle(draft.title);
      setText(draft.text);
      setLoaded(draft);
      setExported(false);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setLoading(false);
    }
  };

  // The first draft comes with the editor.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per session, in the language first chosen
  useEffect(() => {
    void load(language);
  }, [sessionId]);

  const exportDocx = async () => {
    setExporting(true);
    setFailure(null);
    try {
      const { blob, fileName } = await documentsApi.pressReleaseDocx(sessionId, { title, text, lang: language });
      saveBlob(blob, fileName);
      setExported(true);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="press-release-editor">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={4} id="press-release-language">
            {t("pressRelease.language")}
          </Text>
          <SegmentedControl
            value={language}
            onChange={(value) => {
              const next = PRESS_RELEASE_LANGUAGES.find((l) => l === value);
              if (next) setLanguage(next);
            }}
            data={PRESS_RELEASE_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            aria-labelledby="press-release-language"
            data-testid="press-release-language"
          />
        </div>
        <Button
          variant="light"
          onClick={() => {
            if (edited && !window.confirm(t("pressRelease.replaceEdits"))) return;
            void load(language);
          }}
          loading={loading}
          data-testid="press-release-load"
        >
          {t("pressRelease.load")}
        </Button>
      </Group>
      {failure && (
        <Alert color="red" role="alert" data-testid="press-release-error">
          {failure}
        </Alert>
      )}
      {loading && loaded === null ? (
        <Loader size="sm" aria-label={t("app.loading")} />
      ) : (
        <>
          <TextInput
            label={t("pressRelease.title")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            lang={language}
            data-testid="press-release-title"
          />
          <Textarea
            label={t("pressRelease.text")}
            description={t("pressRelease.textHint")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={8}
            maxRows={24}
            lang={language}
            data-testid="press-release-text"
          />
          <Group gap="sm">
            <Button
              onClick={() => void exportDocx()}
              loading={exporting}
              disabled={!title.trim() || !text.trim()}
              data-testid="press-release-docx"
            >
              {t("pressRelease.exportDocx")}
            </Button>
            {edited && (
              <Text size="sm" c="dimmed">
                {t("pressRelease.edited")}
              </Text>
            )}
            {exported && (
              <Text size="sm" c="green.8" role="status">
                {t("pressRelease.exported")}
              </Text>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
