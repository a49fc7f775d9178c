import {
  Anchor,
  AppShell,
  Center,
  Container,
  Group,
  Loader,
  SegmentedControl,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { Suspense } from "react";
import { Link, Outlet } from "react-router";
import { LANGUAGES } from "../../shared/i18n-text.ts";
import { useLang } from "../hooks.ts";
import { isLanguage, setLanguage } from "../i18n/index.ts";
import { SearchBox } from "./SearchBox.tsx";

function LanguageSwitcher() {
  const { t, lang } = useLang();
  return (
    <Group gap={6} wrap="nowrap">
      <VisuallyHidden id="language-label">{t("app.language")}</VisuallyHidden>
      <Text size="xs" c="dimmed" visibleFrom="sm" aria-hidden>
        {t("app.languageSwitcher")}
      </Text>
      <SegmentedControl
        size="xs"
        value={lang}
        onChange={(value) => {
          if (isLanguage(value)) setLanguage(value);
        }}
        data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
        aria-labelledby="language-label"
        data-testid="language-switcher"
      />
    </Group>
  );
}

export function Layout() {
  const { t } = useLang();
  return (
    <AppShell header={{ height: 56 }} padding={0}>
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Anchor component={Link} to="/" underline="never" c="inherit" style={{ minWidth: 0 }}>
              <Group gap={8} wrap="nowrap">
                <Logo />
                <Text fw={700} size="lg" style={{ whiteSpace: "nowrap" }} visibleFrom="xs">
                  {t("app.name")}
                </Text>
              </Group>
            </Anchor>
            <Group gap="sm" wrap="nowrap">
              <SearchBox />
              <LanguageSwitcher />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" py="lg">
          {/* Each page is its own chunk: the first load carries only the page that is opened. */}
          <Suspense
            fallback={
              <Center py="xl" aria-busy="true">
                <Loader size="sm" aria-label={t("app.loading")} />
              </Center>
            }
          >
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

function Logo() {
  return (
    <svg width="26" height="26" viewBox="0 0 26 26" aria-hidden="true">
      <rect width="26" height="26" rx="6" fill="var(--mantine-color-blue-7)" />
      <path d="M7 8h12M7 13h12M7 18h7" stroke="white" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}
