import { ActionIcon, Menu, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { accountsApi } from "../accounts-api.ts";
import { useLang } from "../hooks.ts";
import { switchPerson, useMe } from "../session.ts";

/** Who is signed in, their account page, the accounts of everyone (administrators), and signing out. */
export function AccountMenu() {
  const { t } = useLang();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const signOut = useMutation({ mutationFn: accountsApi.signOut, onSettled: () => switchPerson(queryClient) });
  if (!me) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label={t("signIn.menu")} data-testid="account-menu">
          <PersonIcon />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" data-testid="signed-in-as">
            {t("signIn.signedInAs", { name: me.displayName })}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t("signIn.account")}
        </Menu.Item>
        {me.isAdministrator && (
          <Menu.Item component={Link} to="/users" data-testid="nav-users">
            {t("signIn.users")}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item onClick={() => signOut.mutate()} data-testid="sign-out">
          {t("signIn.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function PersonIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <circle cx="12" cy="8" r="4" stroke="currentColor" strokeWidth="2" />
      <path d="M4 21c0-4 3.6-7 8-7s8 3 8 7" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
