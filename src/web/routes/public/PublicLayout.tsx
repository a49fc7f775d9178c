import { Anchor, AppShell, Container, Group, SegmentedControl, Text } from "@mantine/core";
import { Link } from "react-router";
import { LANGUAGES } from "../../../shared/i18n-text.ts";
import { PageOutlet } from "../../components/PageOutlet.tsx";
import { useLang } from "../../hooks.ts";
import { isLanguage, setLanguage } from "../../i18n/index.ts";

/** The public site's frame: its name and the language, nothing of the secretariat's navigation. */
export function PublicLayout() {
  const { t, lang } = useLang();
  return (
    <AppShell header={{ height: 56 }} padding={0}>
      <AppShell.Header>
        <Container size="md" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Anchor component={Link} to="/public" underline="never" c="inherit" fw={700} style={{ minWidth: 0 }}>
              <Text fw={700} truncate="end">
                {t("publicView.siteName")}
              </Text>
            </Anchor>
            <SegmentedControl
              size="xs"
              value={lang}
              onChange={(value) => {
                if (isLanguage(value)) setLanguage(value);
              }}
              data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
              aria-label={t("app.language")}
              data-testid="language-switcher"
            />
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="md" py="lg" px={{ base: "sm", sm: "md" }}>
          <PageOutlet />
          <Text size="xs" c="dimmed" mt="xl" ta="center">
            {t("publicView.footer")}
          </Text>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
