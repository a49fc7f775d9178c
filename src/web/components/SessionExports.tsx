import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import type { SessionDetail } from "../../shared/api/sessions.ts";
import { LANGUAGES, type Language } from "../../shared/i18n-text.ts";
import { protocolUrl, reportUrl, sessionCalendarUrl } from "../documents-api.ts";
import { sessionTitle } from "../format.ts";
import { useLang } from "../hooks.ts";
import { useCommission } from "../queries.ts";
import { FormModal } from "./FormModal.tsx";
import { PressReleaseEditor } from "./PressReleaseEditor.tsx";
import { Section } from "./Section.tsx";

function asLanguage(value: string): Language | null {
  return LANGUAGES.find((l) => l === value) ?? null;
}

/** A file the server makes: a plain link, so that the browser downloads it (and it can be copied or opened). */
function FileLink({ href, label, of, testId }: { href: string; label: string; of: string; testId: string }) {
  return (
    <Button
      component="a"
      href={href}
      download
      size="xs"
      variant="light"
      aria-label={`${of}, ${label}`}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}

function Block({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text fw={600} size="sm" mb={6}>
        {title}
      </Text>
      <Stack gap="xs">{children}</Stack>
    </Paper>
  );
}

/**
 * The documents a secretariat sends out for a session (issue 6): the protocol in one language or two side by side,
 * the implementation report made at this session on an earlier one, the session as a calendar entry and a press
 * release drafted from the record and edited before export.
 */
export function SessionExports({ session }: { session: SessionDetail }) {
  const { t, lang } = useLang();
  const [protocolLang, setProtocolLang] = useState<Language>(lang);
  const [secondLang, setSecondLang] = useState<Language | null>(null);
  const [reportLang, setReportLang] = useState<Language>(lang);
  const [pressRelease, press] = useDisclosure(false);
  const commission = useCommission(session.commission.id);
  const earlier = [...(commission.data?.sessions ?? [])]
    .filter((s) => s.number < session.number)
    .sort((a, b) => b.number - a.number);
  const [reportOf, setReportOf] = useState<string | null>(null);
  const of = reportOf ?? earlier[0]?.id ?? null;
  const languageOptions = LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }));
  const second = secondLang === protocolLang ? null : secondLang;

  return (
    <Section title={t("sessionExports.title")} testId="session-exports">
      <Block title={t("sessionExports.protocol")} testId="export-protocol">
        <Group gap="xs" grow wrap="wrap" align="flex-start">
          <NativeSelect
            size="xs"
            label={t("sessionExports.language")}
            value={protocolLang}
            onChange={(e) => setProtocolLang(asLanguage(e.currentTarget.value) ?? protocolLang)}
            data={languageOptions}
            data-testid="protocol-lang"
          />
          <NativeSelect
            size="xs"
            label={t("sessionExports.secondLanguage")}
            value={second ?? ""}
            onChange={(e) => setSecondLang(asLanguage(e.currentTarget.value))}
            data={[
              { value: "", label: t("sessionExports.noSecond") },
              ...languageOptions.filter((o) => o.value !== protocolLang),
            ]}
            data-testid="protocol-lang2"
          />
        </Group>
        {second && (
          <Text size="xs" c="dimmed">
            {t("sessionExports.parallelHint")}
          </Text>
        )}
        <Group gap="xs">
          <FileLink
            href={protocolUrl(session.id, "docx", protocolLang, second ?? undefined)}
            label="DOCX"
            of={t("sessionExports.protocol")}
            testId="protocol-docx"
          />
          <FileLink
            href={protocolUrl(session.id, "pdf", protocolLang, second ?? undefined)}
            label="PDF"
            of={t("sessionExports.protocol")}
            testId="protocol-pdf"
          />
        </Group>
      </Block>

      <Block title={t("sessionExports.report")} testId="export-report">
        {commission.data && earlier.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("sessionExports.noEarlier")}
          </Text>
        ) : (
          <>
            <Group gap="xs" grow wrap="wrap" align="flex-start">
              <NativeSelect
                size="xs"
                label={t("sessionExports.reportOn")}
                value={of ?? ""}
                onChange={(e) => setReportOf(e.currentTarget.value || null)}
                data={earlier.map((s) => ({ value: s.id, label: sessionTitle(s.number, lang, t) }))}
                data-testid="report-of"
              />
              <NativeSelect
                size="xs"
                label={t("sessionExports.language")}
                value={reportLang}
                onChange={(e) => setReportLang(asLanguage(e.currentTarget.value) ?? reportLang)}
                data={languageOptions}
                data-testid="report-lang"
              />
            </Group>
            <Group gap="xs">
              <FileLink
                href={reportUrl(session.id, "docx", reportLang, of ?? undefined)}
                label="DOCX"
                of={t("sessionExports.report")}
                testId="report-docx"
              />
              <FileLink
                href={reportUrl(session.id, "pdf", reportLang, of ?? undefined)}
                label="PDF"
                of={t("sessionExports.report")}
                testId="report-pdf"
              />
            </Group>
          </>
        )}
      </Block>

      <Block title={t("sessionExports.pressRelease")} testId="export-press-release">
        <Text size="sm" c="dimmed">
          {t("sessionExports.pressReleaseHint")}
        </Text>
        <Group>
          <Button size="xs" variant="light" onClick={press.open} data-testid="open-press-release">
            {t("sessionExports.pressReleaseOpen")}
          </Button>
        </Group>
      </Block>

      <Group gap="xs">
        <Anchor href={sessionCalendarUrl(session.id, lang)} download size="sm" data-testid="session-ics">
          {t("sessionExports.calendar")}
        </Anchor>
      </Group>

      <FormModal
        opened={pressRelease}
        onClose={press.close}
        title={`${t("sessionExports.pressRelease")} · ${sessionTitle(session.number, lang, t)}`}
        size="xl"
      >
        <PressReleaseEditor sessionId={session.id} />
      </FormModal>
    </Section>
  );
}
