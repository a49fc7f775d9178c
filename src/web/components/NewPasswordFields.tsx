import { PasswordInput, Stack } from "@mantine/core";
import { useLang } from "../hooks.ts";

export type NewPassword = { password: string; repeat: string };

/** The new password twice, with the rule beside it; `serverError` is what the server said about it. */
export function NewPasswordFields({
  value,
  onChange,
  serverError,
}: {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  serverError?: string | undefined;
}) {
  const { t } = useLang();
  const mismatch = value.repeat !== "" && value.repeat !== value.password;
  return (
    <Stack gap="sm">
      <PasswordInput
        label={t("signIn.newPassword")}
        description={t("signIn.passwordRule")}
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.currentTarget.value })}
        error={serverError}
        data-testid="new-password"
      />
      <PasswordInput
        label={t("signIn.repeatPassword")}
        autoComplete="new-password"
        required
        value={value.repeat}
        onChange={(e) => onChange({ ...value, repeat: e.currentTarget.value })}
        error={mismatch ? t("signIn.mismatch") : undefined}
        data-testid="repeat-password"
      />
    </Stack>
  );
}

export const passwordsAgree = (value: NewPassword) => value.password !== "" && value.password === value.repeat;
