import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { COUNTRIES } from "../../shared/countries.ts";
import type { Language } from "../../shared/i18n-text.ts";
import { LANGUAGES, pickText } from "../../shared/i18n-text.ts";
import { SECTOR_CODES } from "../../shared/sectors.ts";
import { api } from "../api.ts";
import { countryName, sectorName } from "../format.ts";
import type { ApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { keys } from "../queries.ts";

/** The form element: no browser validation bubbles (our messages stand at the fields), submit on Enter. */
export function ApiFormElement({
  onSubmit,
  children,
  testId,
  label,
}: {
  onSubmit: () => void;
  children: ReactNode;
  testId?: string;
  label?: string;
}) {
  return (
    <form
      noValidate
      aria-label={label}
      data-testid={testId}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="sm">{children}</Stack>
    </form>
  );
}

/** The alerts of a form: the record changed meanwhile, or a message that no field of the form shows. */
export function FormFeedback({ form, conflict }: { form: ApiForm<never> | ApiForm<unknown>; conflict?: string }) {
  const { t } = useLang();
  const fieldCount = Object.keys(form.errors).length;
  return (
    <>
      {form.conflict && (
        <Alert color="orange" role="alert" data-testid="form-conflict">
          {conflict ?? t("form.conflict")}
        </Alert>
      )}
      {form.failure && (
        <Alert color="red" role="alert" title={t("form.notSaved")} data-testid="form-error">
          {form.failure}
        </Alert>
      )}
      {!form.failure && fieldCount > 0 && (
        <Text size="sm" c="red" role="status" data-testid="form-check-fields">
          {t("form.checkFields")}
        </Text>
      )}
    </>
  );
}

export function FormActions({
  pending,
  onCancel,
  submit,
}: {
  pending: boolean;
  onCancel?: () => void;
  submit: string;
}) {
  const { t } = useLang();
  return (
    <Group gap="sm" mt="xs">
      <Button type="submit" loading={pending}>
        {submit}
      </Button>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t("form.cancel")}
        </Button>
      )}
    </Group>
  );
}

export type TextValue = Partial<Record<Language, string>>;

/** One input per language for a multilingual text; the "at least one language" message stands at the first. */
export function LocalizedInputs({
  label,
  value,
  onChange,
  form,
  path,
  multiline = false,
  required = false,
  languages = LANGUAGES,
}: {
  label: string;
  value: TextValue;
  onChange: (value: TextValue) => void;
  form: { error: (...paths: string[]) => string | undefined };
  path: string;
  multiline?: boolean;
  required?: boolean;
  languages?: readonly Language[];
}) {
  const { t } = useLang();
  return (
    <SimpleGrid
      cols={{ base: 1, sm: multiline ? 1 : Math.min(languages.length, 3) }}
      spacing="sm"
      style={{ alignItems: "end" }}
    >
      {languages.map((lang, i) => {
        const props = {
          label: `${label} (${t(`languages.${lang}`)})`,
          value: value[lang] ?? "",
          required: required && i === 0,
          error: i === 0 ? form.error(`${path}.${lang}`, path) : form.error(`${path}.${lang}`),
          lang,
        };
        return multiline ? (
          <Textarea
            key={lang}
            {...props}
            autosize
            minRows={2}
            maxRows={8}
            onChange={(e) => onChange({ ...value, [lang]: e.currentTarget.value })}
          />
        ) : (
          <TextInput key={lang} {...props} onChange={(e) => onChange({ ...value, [lang]: e.currentTarget.value })} />
        );
      })}
    </SimpleGrid>
  );
}

export function SectorSelect({
  value,
  onChange,
  error,
  label,
  allowNone = false,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  label?: string;
  allowNone?: boolean;
}) {
  const { t, lang } = useLang();
  const options = SECTOR_CODES.map((code) => ({ value: code, label: sectorName(code, lang) })).sort((a, b) =>
    a.label.localeCompare(b.label, lang),
  );
  return (
    <NativeSelect
      label={label ?? t("commitment.sector")}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: "", label: allowNone ? t("form.none") : t("form.choose") }, ...options]}
      error={error}
    />
  );
}

export function CountrySelect({
  value,
  onChange,
  error,
  label,
  only,
  allowNone = false,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  label: string;
  only?: readonly string[];
  allowNone?: boolean;
}) {
  const { t, lang } = useLang();
  const codes = only ?? Object.keys(COUNTRIES);
  const options = codes
    .map((code) => ({ value: code, label: `${countryName(code, lang)} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        ...(allowNone || !only ? [{ value: "", label: allowNone ? t("form.none") : t("form.choose") }] : []),
        ...options,
      ]}
      error={error}
    />
  );
}

/** A day as YYYY-MM-DD through the browser's own date picker (a phone shows its wheel). */
export function DateField({
  label,
  value,
  onChange,
  error,
  required,
  description,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  description?: string;
}) {
  return (
    <TextInput
      type="date"
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required={required}
      description={description}
    />
  );
}

export const DEADLINE_KINDS = ["none", "date", "month", "quarter", "year", "ongoing"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export type DeadlineValue = { kind: DeadlineKind; date: string; month: string; quarter: string; year: string };

export function deadlineValueOf(deadline: string | null): DeadlineValue {
  const empty = { date: "", month: "", quarter: "1", year: "" };
  if (deadline === null) return { kind: "none", ...empty };
  if (deadline === "ongoing") return { kind: "ongoing", ...empty };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(deadline);
  if (m) return { kind: "date", ...empty, date: deadline };
  m = /^(\d{4})-(\d{2})$/.exec(deadline);
  if (m) return { kind: "month", ...empty, month: deadline };
  m = /^(\d{4})-Q([1-4])$/.exec(deadline);
  if (m) return { kind: "quarter", ...empty, year: m[1] ?? "", quarter: m[2] ?? "1" };
  m = /^(\d{4})$/.exec(deadline);
  if (m) return { kind: "year", ...empty, year: deadline };
  return { kind: "date", ...empty, date: deadline };
}

/** The deadline as the API takes it: "2026-06-30", "2026-06", "2026-Q4", "2026", "ongoing" or null. */
export function deadlineOf(value: DeadlineValue): string | null {
  switch (value.kind) {
    case "none":
      return null;
    case "ongoing":
      return "ongoing";
    case "date":
      return value.date;
    case "month":
      return value.month;
    case "quarter":
      return `${value.year}-Q${value.quarter}`;
    case "year":
      return value.year;
  }
}

export function DeadlineInput({
  value,
  onChange,
  error,
}: {
  value: DeadlineValue;
  onChange: (value: DeadlineValue) => void;
  error?: string;
}) {
  const { t } = useLang();
  const set = (patch: Partial<DeadlineValue>) => onChange({ ...value, ...patch });
  return (
    <Stack gap={6}>
      <NativeSelect
        label={t("deadline.label")}
        value={value.kind}
        onChange={(e) =>
          set({ kind: (DEADLINE_KINDS.find((k) => k === e.currentTarget.value) ?? "none") as DeadlineKind })
        }
        data={DEADLINE_KINDS.map((k) => ({ value: k, label: t(`deadlineKinds.${k}`) }))}
        error={value.kind === "none" || value.kind === "ongoing" ? error : undefined}
      />
      {value.kind === "date" && (
        <DateField
          label={t("deadlineKinds.date")}
          value={value.date}
          onChange={(date) => set({ date })}
          error={error}
        />
      )}
      {value.kind === "month" && (
        <TextInput
          type="month"
          label={t("deadlineKinds.month")}
          placeholder="2026-06"
          value={value.month}
          onChange={(e) => set({ month: e.currentTarget.value })}
          error={error}
        />
      )}
      {(value.kind === "quarter" || value.kind === "year") && (
        <Group gap="sm" align="flex-start" grow>
          {value.kind === "quarter" && (
            <NativeSelect
              label={t("form.quarter")}
              value={value.quarter}
              onChange={(e) => set({ quarter: e.currentTarget.value })}
              data={["1", "2", "3", "4"].map((q) => ({ value: q, label: `Q${q}` }))}
            />
          )}
          <TextInput
            label={t("form.year")}
            inputMode="numeric"
            placeholder="2026"
            value={value.year}
            onChange={(e) => set({ year: e.currentTarget.value.trim() })}
            error={error}
          />
        </Group>
      )}
    </Stack>
  );
}

export function YearInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: number | "";
  onChange: (value: number | "") => void;
  error?: string;
}) {
  return (
    <NumberInput
      label={label}
      value={value}
      onChange={(v) => onChange(typeof v === "number" ? v : v === "" ? "" : Number(v))}
      allowDecimal={false}
      allowNegative={false}
      hideControls
      error={error}
    />
  );
}

type Option = { id: string; label: string; hint?: string };

function useLocalizedLabel() {
  const { lang } = useLang();
  return (text: Partial<Record<Language, string>> | null | undefined) => pickText(text, lang)?.value ?? "";
}

/**
 * A search select over the server: each keystroke (debounced) asks the API, which matches names and aliases in
 * every language. The chosen option stays in the list so that the select can show it.
 */
function RemoteSelect({
  label,
  value,
  onChange,
  queryKeyFor,
  fetchOptions,
  error,
  placeholder,
  selected,
  testId,
  required,
  description,
}: {
  label: string;
  value: string | null;
  onChange: (option: Option | null) => void;
  queryKeyFor: (q: string) => readonly unknown[];
  fetchOptions: (q: string) => Promise<Option[]>;
  error?: string;
  placeholder?: string;
  selected?: Option | null;
  testId?: string;
  required?: boolean;
  description?: string;
}) {
  const { t, lang } = useLang();
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const found = useQuery({
    // The labels are in the UI language: a switch asks again.
    queryKey: [...queryKeyFor(debounced), lang],
    queryFn: () => fetchOptions(debounced),
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
  const options = [...(found.data ?? [])];
  if (selected && !options.some((o) => o.id === selected.id)) options.unshift(selected);
  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t("form.typeToSearch")}
      searchable
      clearable
      required={required}
      value={value}
      searchValue={query}
      onSearchChange={setQuery}
      onChange={(id) => {
        onChange(options.find((o) => o.id === id) ?? null);
        // A picker that adds to a list stays empty for the next search.
        if (value === null && id !== null) setQuery("");
      }}
      data={options.map((o) => ({ value: o.id, label: o.label }))}
      renderOption={({ option }) => {
        const hint = options.find((o) => o.id === option.value)?.hint;
        return (
          <Text size="sm">
            {option.label}
            {hint && (
              <Text span size="xs" c="dimmed">
                {" "}
                · {hint}
              </Text>
            )}
          </Text>
        );
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t("app.loading") : t("form.nothingFound")}
      error={error}
      data-testid={testId}
    />
  );
}

type SelectProps = {
  label: string;
  value: string | null;
  onChange: (option: Option | null) => void;
  error?: string;
  selected?: Option | null;
  testId?: string;
  required?: boolean;
  description?: string;
};

export function OrganizationSelect({
  country,
  exclude,
  ...props
}: SelectProps & { country?: string | null; exclude?: string }) {
  const label = useLocalizedLabel();
  return (
    <RemoteSelect
      {...props}
      queryKeyFor={(q) => [...keys.organizations({ q, country: country ?? undefined }), "options", exclude]}
      fetchOptions={async (q) => {
        const page = await api.listOrganizations({ q: q || undefined, country: country || undefined, limit: 30 });
        return page.items
          .filter((o) => o.id !== exclude)
          .map((o) => ({ id: o.id, label: label(o.name), hint: o.country ?? undefined }));
      }}
    />
  );
}

export function PersonSelect(props: SelectProps) {
  const label = useLocalizedLabel();
  return (
    <RemoteSelect
      {...props}
      queryKeyFor={(q) => [...keys.people(q), "options"]}
      fetchOptions={async (q) => {
        const page = await api.listPeople({ q: q || undefined, limit: 30 });
        return page.items.map((p) => ({
          id: p.id,
          label: label(p.name),
          hint: p.positions[0] ? label(p.positions[0].title) : undefined,
        }));
      }}
    />
  );
}

export type PickedOrganization = { organizationId: string; side: string; lead: boolean; label: string };

/** The organisations chosen for each side, each with a "lead" mark and a remove button, and a search to add one. */
export function ResponsiblePicker({
  sides,
  value,
  onChange,
  form,
}: {
  sides: readonly string[];
  value: PickedOrganization[];
  onChange: (value: PickedOrganization[]) => void;
  form: { error: (...paths: string[]) => string | undefined };
}) {
  const { t, lang } = useLang();
  const errorAt = (i: number) =>
    form.error(`responsible.${i}.organizationId`, `responsible.${i}.side`, `responsible.${i}`) ?? undefined;
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t("commitment.responsible")}
      </Text>
      {form.error("responsible") && (
        <Text size="sm" c="red">
          {form.error("responsible")}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: sides.length > 1 ? 2 : 1 }} spacing="sm">
        {sides.map((side) => (
          <Stack key={side} gap={6} p="xs" style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }}>
            <Group gap={6}>
              <Badge variant="light" color="gray" radius="sm">
                {side}
              </Badge>
              <Text size="sm" fw={600}>
                {countryName(side, lang)}
              </Text>
            </Group>
            {value.map((picked, i) =>
              picked.side !== side ? null : (
                <Stack key={picked.organizationId} gap={2}>
                  <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
                    <Text size="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }} data-testid="picked-organization">
                      {picked.label}
                    </Text>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={t("form.removeNamed", { name: picked.label })}
                      onClick={() => onChange(value.filter((_, j) => j !== i))}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                  <Checkbox
                    size="xs"
                    label={t("commitment.lead")}
                    checked={picked.lead}
                    onChange={(e) => {
                      const lead = e.currentTarget.checked;
                      onChange(value.map((p, j) => (j === i ? { ...p, lead } : p)));
                    }}
                  />
                  {errorAt(i) && (
                    <Text size="xs" c="red">
                      {errorAt(i)}
                    </Text>
                  )}
                </Stack>
              ),
            )}
            <OrganizationSelect
              label={t("form.addOrganizationOf", { country: countryName(side, lang) })}
              value={null}
              country={side}
              testId={`responsible-${side}`}
              onChange={(option) => {
                if (!option || value.some((p) => p.organizationId === option.id)) return;
                onChange([...value, { organizationId: option.id, side, lead: false, label: option.label }]);
              }}
            />
          </Stack>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
