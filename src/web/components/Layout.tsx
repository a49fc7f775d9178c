import {
  ActionIcon,
  Anchor,
  AppShell,
  Badge,
  Container,
  Group,
  Menu,
  SegmentedControl,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { Link, NavLink } from "react-router";
import { LANGUAGES } from "../../shared/i18n-text.ts";
import { useLang } from "../hooks.ts";
import { isLanguage, setLanguage } from "../i18n/index.ts";
import { useInbox } from "../queries.ts";
import { useMe } from "../session.ts";
import { AccountMenu } from "./AccountMenu.tsx";
import { PageOutlet } from "./PageOutlet.tsx";
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

const NAV = [
  { to: "/dashboard", label: "nav.dashboard", testId: "nav-dashboard" },
  { to: "/commitments", label: "nav.commitments", testId: "nav-commitments" },
  { to: "/inbox", label: "nav.inbox", testId: "nav-inbox" },
  { to: "/import", label: "importPage.nav", testId: "nav-import" },
  { to: "/audit", label: "auditLog.nav", testId: "nav-audit", administrators: true },
] as const;

/** The header's links for this person: the audit log is for administrators. */
function useNav() {
  const isAdministrator = useMe().data?.isAdministrator === true;
  return NAV.filter((item) => !("administrators" in item) || isAdministrator);
}

/** The signed-in person's unread messages. */
function useUnreadCount(): number {
  return useInbox(useMe().data?.email ?? "").data?.unreadCount ?? 0;
}

function UnreadBadge({ count }: { count: number }) {
  const { t } = useLang();
  if (count === 0) return null;
  return (
    <Badge
      size="xs"
      circle={count < 10}
      color="red"
      variant="filled"
      aria-label={t("nav.unread", { count })}
      data-testid="unread-count"
    >
      {count}
    </Badge>
  );
}

/** Dashboard, agreements and inbox: links in the header on a wide screen (NavMenu on a narrow one). */
function NavLinks() {
  const { t } = useLang();
  const unread = useUnreadCount();
  const nav = useNav();
  return (
    <Group gap={4} wrap="nowrap" visibleFrom="md" component="nav" aria-label={t("nav.menu")}>
      {nav.map((item) => (
        <Anchor
          key={item.to}
          component={NavLink}
          to={item.to}
          size="sm"
          fw={500}
          px={8}
          py={4}
          className="igc-nav-link"
          data-testid={item.testId}
        >
          <Group gap={4} wrap="nowrap" component="span">
            {t(item.label)}
            {item.to === "/inbox" && <UnreadBadge count={unread} />}
          </Group>
        </Anchor>
      ))}
    </Group>
  );
}

function NavMenu() {
  const { t } = useLang();
  const unread = useUnreadCount();
  const nav = useNav();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="default"
          size="lg"
          hiddenFrom="md"
          aria-label={unread > 0 ? `${t("nav.menu")} (${t("nav.unread", { count: unread })})` : t("nav.menu")}
          data-testid="nav-menu"
          pos="relative"
        >
          <MenuIcon />
          {unread > 0 && (
            <span
              aria-hidden
              style={{
                position: "absolute",
                top: 3,
                right: 3,
                width: 8,
                height: 8,
                borderRadius: 4,
                background: "var(--mantine-color-red-6)",
              }}
            />
          )}
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {nav.map((item) => (
          <Menu.Item
            key={item.to}
            component={Link}
            to={item.to}
            rightSection={item.to === "/inbox" ? <UnreadBadge count={unread} /> : undefined}
          >
            {t(item.label)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function MenuIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export function Layout() {
  const { t } = useLang();
  return (
    <AppShell header={{ height: 56 }} padding={0}>
      <AppShell.Header className="igc-no-print">
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
              <NavLinks />
              <SearchBox />
              <LanguageSwitcher />
              <NavMenu />
              <AccountMenu />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" py="lg">
          <PageOutlet />
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
