import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { memo, type ReactNode, useCallback, useState } from "react";
import type { SectorCode } from "../../shared/sectors.ts";
import { sectorName } from "../format.ts";
import type { FieldErrors } from "../forms.ts";
import { useLang } from "../hooks.ts";
import {
  type DraftItem,
  type DraftList,
  type EvidenceIndex,
  LOW_CONFIDENCE,
  newKey,
  type ReviewDraft,
  sectorCounts,
} from "../import-draft.ts";
import {
  CountrySelect,
  DateField,
  DeadlineInput,
  type DeadlineValue,
  deadlineOf,
  deadlineValueOf,
  SectorSelect,
} from "./form.tsx";
import { highlightStyles } from "./SourceHighlights.tsx";

export type SetDraft = (update: (draft: ReviewDraft) => ReviewDraft) => void;

/** "" → null: the contract takes a missing optional text as null, never as an empty string. */
const orNull = (value: string): string | null => (value.trim() ? value : null);

function patchItem<L extends DraftList>(set: SetDraft, list: L, key: string, patch: Partial<DraftItem<L>>): void {
  set((d) => ({
    ...d,
    [list]: (d[list] as DraftItem<L>[]).map((item) => (item.key === key ? { ...item, ...patch } : item)),
  }));
}

function removeItem(set: SetDraft, list: DraftList, key: string): void {
  set((d) => ({ ...d, [list]: (d[list] as { key: string }[]).filter((item) => item.key !== key) }));
}

function addItem<L extends DraftList>(set: SetDraft, list: L, item: Omit<DraftItem<L>, "key">): string {
  const key = newKey(list);
  set((d) => ({ ...d, [list]: [...(d[list] as DraftItem<L>[]), { ...item, key }] }));
  return key;
}

/** "commitments.3" → 4, the item's number in the extractor's draft; null for an item the reviewer added. */
export function originalNumber(key: string): number | null {
  const m = /^[a-z_]+\.(\d+)$/.exec(key);
  return m ? Number(m[1]) + 1 : null;
}

/**
 * A fact's name for the reader, from its path in the draft: `commitments.4` → "Agreement 5",
 * `commitments.4.responsible.1` → "Agreement 5 · responsible 2", `session.city` → "Session · city".
 */
export function useFactLabel(): (fact: string) => string {
  const { t } = useLang();
  return useCallback(
    (fact: string) => {
      const [kind = "", ...rest] = fact.split(".");
      const parts = [t(`importReview.kind_${kind}`, { defaultValue: kind })];
      for (const part of rest) {
        if (/^\d+$/.test(part)) parts[parts.length - 1] += ` ${Number(part) + 1}`;
        else parts.push(t(`importReview.field_${part}`, { defaultValue: part.replace(/_/g, " ") }));
      }
      return parts.join(" · ");
    },
    [t],
  );
}

type Common = {
  set: SetDraft;
  evidence: EvidenceIndex;
  errors: FieldErrors;
};

/** A badge that says the extractor was not sure of this fact. */
function LowConfidence({ confidence }: { confidence: number | undefined }) {
  const { t } = useLang();
  if (confidence === undefined || confidence >= LOW_CONFIDENCE) return null;
  return (
    <Tooltip label={t("importReview.lowConfidenceHint", { percent: Math.round(confidence * 100) })} withArrow>
      <Badge color="orange" variant="light" radius="sm" size="sm" data-testid="low-confidence">
        {t("importReview.check")}
      </Badge>
    </Tooltip>
  );
}

/** A label with the low-confidence badge beside it, for fields that are facts of their own (`session.city`). */
function FactLabel({ label, fact, evidence }: { label: string; fact: string; evidence: EvidenceIndex }) {
  const confidence = evidence.get(fact)?.confidence;
  if (confidence === undefined || confidence >= LOW_CONFIDENCE) return <>{label}</>;
  return (
    <Group gap={6} component="span" wrap="nowrap">
      <span>{label}</span>
      <LowConfidence confidence={confidence} />
    </Group>
  );
}

/** A fact of the draft: hovering or focusing it highlights its span in the source (see useFactLinks). */
function FactCard({
  fact,
  title,
  confidence,
  onRemove,
  removeLabel,
  testId,
  children,
}: {
  fact: string;
  title: ReactNode;
  confidence?: number;
  onRemove?: () => void;
  removeLabel?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" className={highlightStyles.fact} data-fact={fact} data-testid={testId}>
      <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {title}
          </Text>
          <LowConfidence confidence={confidence} />
        </Group>
        {onRemove && (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={removeLabel}
            onClick={onRemove}
            data-testid="remove-fact"
          >
            ×
          </ActionIcon>
        )}
      </Group>
      <Stack gap="xs">{children}</Stack>
    </Paper>
  );
}

function DraftSection({
  title,
  count,
  onAdd,
  addLabel,
  empty,
  testId,
  error,
  children,
}: {
  title: string;
  count?: number;
  onAdd?: () => void;
  addLabel?: string;
  empty?: string;
  testId: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <Stack gap="xs" component="section" data-testid={testId}>
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <Title order={3} size="h4">
            {title}
          </Title>
          {count !== undefined && (
            <Badge variant="light" color="gray" radius="sm">
              {count}
            </Badge>
          )}
        </Group>
        {onAdd && (
          <Button size="compact-sm" variant="light" onClick={onAdd} data-testid={`${testId}-add`}>
            {addLabel}
          </Button>
        )}
      </Group>
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      {count === 0 && empty && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {children}
    </Stack>
  );
}

/**
 * The editable draft of an import: the commission, the session and its co-chairs, each agreement with its sector,
 * organisations and deadline, the next session, visits, signed documents, programmes and figures. Every card and
 * field that the extractor read from the text carries its fact name, so that the source shows where it came from.
 */
export function DraftEditor({ draft, set, evidence, errors }: Common & { draft: ReviewDraft }) {
  const { t } = useLang();
  const common = { set, evidence, errors };
  return (
    <Stack gap="lg" data-testid="import-draft">
      <CommissionFact draft={draft} {...common} />
      <SessionFact draft={draft} {...common} />
      <CoChairs items={draft.co_chairs} {...common} />
      <Commitments items={draft.commitments} {...common} />
      <NextSession draft={draft} {...common} />
      <SimpleList
        list="site_visits"
        items={draft.site_visits}
        title={t("importReview.siteVisits")}
        itemTitle={(n) => t("importReview.siteVisitN", { n })}
        blank={{ place: "", date: null }}
        render={(item, index, field) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput
              label={t("importReview.place")}
              value={item.place}
              onChange={(e) => field({ place: e.currentTarget.value })}
              error={errors[`draft.site_visits.${index}.place`]}
            />
            <DateField
              label={t("importReview.date")}
              value={item.date ?? ""}
              onChange={(date) => field({ date: orNull(date) })}
              error={errors[`draft.site_visits.${index}.date`]}
            />
          </SimpleGrid>
        )}
        {...common}
      />
      <SimpleList
        list="documents_signed"
        items={draft.documents_signed}
        title={t("importReview.documentsSigned")}
        itemTitle={(n) => t("importReview.documentN", { n })}
        blank={{ title: "", signatories: [], date: null }}
        render={(item, index, field) => (
          <>
            <TextInput
              label={t("importReview.documentTitle")}
              value={item.title}
              onChange={(e) => field({ title: e.currentTarget.value })}
              error={errors[`draft.documents_signed.${index}.title`]}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TagsInput
                label={t("importReview.signatories")}
                value={item.signatories}
                onChange={(signatories) => field({ signatories })}
                error={errorUnder(errors, `draft.documents_signed.${index}.signatories`)}
              />
              <DateField
                label={t("importReview.date")}
                value={item.date ?? ""}
                onChange={(date) => field({ date: orNull(date) })}
                error={errors[`draft.documents_signed.${index}.date`]}
              />
            </SimpleGrid>
          </>
        )}
        {...common}
      />
      <SimpleList
        list="programmes"
        items={draft.programmes}
        title={t("importReview.programmes")}
        itemTitle={(n) => t("importReview.programmeN", { n })}
        blank={{ name: "", start_year: new Date().getFullYear(), end_year: new Date().getFullYear() + 3, sector: null }}
        render={(item, index, field) => (
          <>
            <TextInput
              label={t("importReview.programmeName")}
              value={item.name}
              onChange={(e) => field({ name: e.currentTarget.value })}
              error={errors[`draft.programmes.${index}.name`]}
            />
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
              <NumberInput
                label={t("importReview.startYear")}
                value={item.start_year}
                onChange={(v) => field({ start_year: Number(v) })}
                allowDecimal={false}
                hideControls
                error={errors[`draft.programmes.${index}.start_year`]}
              />
              <NumberInput
                label={t("importReview.endYear")}
                value={item.end_year}
                onChange={(v) => field({ end_year: Number(v) })}
                allowDecimal={false}
                hideControls
                error={errors[`draft.programmes.${index}.end_year`]}
              />
              <SectorSelect
                value={item.sector ?? ""}
                onChange={(sector) => field({ sector: (sector || null) as SectorCode | null })}
                allowNone
                error={errors[`draft.programmes.${index}.sector`]}
              />
            </SimpleGrid>
          </>
        )}
        {...common}
      />
      <SimpleList
        list="figures"
        items={draft.figures}
        title={t("importReview.figures")}
        itemTitle={(n) => t("importReview.figureN", { n })}
        blank={{ text: "", value: 0, unit: "%", period: null, indicator: null }}
        render={(item, index, field) => (
          <>
            <Textarea
              label={t("importReview.figureText")}
              value={item.text}
              autosize
              minRows={1}
              maxRows={4}
              onChange={(e) => field({ text: e.currentTarget.value })}
              error={errors[`draft.figures.${index}.text`]}
            />
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              <NumberInput
                label={t("importReview.value")}
                value={item.value}
                onChange={(v) => field({ value: typeof v === "number" ? v : Number(v) })}
                hideControls
                error={errors[`draft.figures.${index}.value`]}
              />
              <TextInput
                label={t("importReview.unit")}
                value={item.unit}
                onChange={(e) => field({ unit: e.currentTarget.value })}
                error={errors[`draft.figures.${index}.unit`]}
              />
              <TextInput
                label={t("importReview.period")}
                placeholder="2025-01/2025-10"
                value={item.period ?? ""}
                onChange={(e) => field({ period: orNull(e.currentTarget.value) })}
                error={errors[`draft.figures.${index}.period`]}
              />
              <TextInput
                label={t("importReview.indicator")}
                value={item.indicator ?? ""}
                onChange={(e) => field({ indicator: orNull(e.currentTarget.value) })}
                error={errors[`draft.figures.${index}.indicator`]}
              />
            </SimpleGrid>
          </>
        )}
        {...common}
      />
      <SimpleList
        list="organizations"
        items={draft.organizations}
        title={t("importReview.organizations")}
        itemTitle={(n) => t("importReview.organizationN", { n })}
        blank={{ name: "", full_name: null, country: null }}
        render={(item, index, field) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput
              label={t("importReview.organizationName")}
              value={item.name}
              onChange={(e) => field({ name: e.currentTarget.value })}
              error={errors[`draft.organizations.${index}.name`]}
            />
            <CountrySelect
              label={t("importReview.country")}
              value={item.country ?? ""}
              onChange={(country) => field({ country: orNull(country) })}
              allowNone
              error={errors[`draft.organizations.${index}.country`]}
            />
          </SimpleGrid>
        )}
        {...common}
      />
    </Stack>
  );
}

function errorUnder(errors: FieldErrors, prefix: string): string | undefined {
  return Object.entries(errors).find(([path]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];
}

function CommissionFact({ draft, set, evidence, errors }: Common & { draft: ReviewDraft }) {
  const { t } = useLang();
  const commission = draft.commission;
  const update = (patch: Partial<NonNullable<ReviewDraft["commission"]>>) =>
    set((d) => ({ ...d, commission: { countries: ["", ""], name: null, ...d.commission, ...patch } }));
  const countries = commission?.countries ?? [];
  const setCountry = (i: 0 | 1, code: string) => {
    const next = [countries[0] ?? "", countries[1] ?? ""];
    next[i] = code;
    update({ countries: next });
  };
  return (
    <DraftSection title={t("importReview.commission")} testId="draft-commission">
      {!commission ? (
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {t("importReview.noCommission")}
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => update({})}>
            {t("importReview.addCommission")}
          </Button>
        </Group>
      ) : (
        <FactCard
          fact="commission"
          title={t("importReview.commissionSides")}
          confidence={evidence.get("commission")?.confidence}
          testId="fact-commission"
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <CountrySelect
              label={t("importReview.firstCountry")}
              value={countries[0] ?? ""}
              onChange={(code) => setCountry(0, code)}
              allowNone
              error={errors["draft.commission.countries.0"] ?? errors["draft.commission.countries"]}
            />
            <CountrySelect
              label={t("importReview.secondCountry")}
              value={countries[1] ?? ""}
              onChange={(code) => setCountry(1, code)}
              allowNone
              error={errors["draft.commission.countries.1"]}
            />
          </SimpleGrid>
          <TextInput
            label={t("importReview.commissionName")}
            value={commission.name ?? ""}
            onChange={(e) => update({ name: orNull(e.currentTarget.value) })}
            error={errors["draft.commission.name"]}
          />
        </FactCard>
      )}
    </DraftSection>
  );
}

function SessionFact({ draft, set, evidence, errors }: Common & { draft: ReviewDraft }) {
  const { t } = useLang();
  const session = draft.session;
  const update = (patch: Partial<NonNullable<ReviewDraft["session"]>>) =>
    set((d) => ({
      ...d,
      session: { number: null, date: null, city: null, host_country: null, ...d.session, ...patch },
    }));
  return (
    <DraftSection title={t("importReview.session")} testId="draft-session">
      {!session ? (
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {t("importReview.noSession")}
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => update({})}>
            {t("importReview.addSession")}
          </Button>
        </Group>
      ) : (
        <Paper withBorder p="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <div data-fact="session.number" className={highlightStyles.fact}>
              <NumberInput
                label={<FactLabel label={t("importReview.sessionNumber")} fact="session.number" evidence={evidence} />}
                value={session.number ?? ""}
                onChange={(v) => update({ number: v === "" ? null : Number(v) })}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                error={errors["draft.session.number"]}
                data-testid="session-number"
              />
            </div>
            <div data-fact="session.date" className={highlightStyles.fact}>
              <DateField
                label={t("importReview.date")}
                value={session.date ?? ""}
                onChange={(date) => update({ date: orNull(date) })}
                error={errors["draft.session.date"]}
                description={
                  (evidence.get("session.date")?.confidence ?? 1) < LOW_CONFIDENCE ? t("importReview.check") : undefined
                }
              />
            </div>
            <div data-fact="session.city" className={highlightStyles.fact}>
              <TextInput
                label={<FactLabel label={t("importReview.city")} fact="session.city" evidence={evidence} />}
                value={session.city ?? ""}
                onChange={(e) => update({ city: orNull(e.currentTarget.value) })}
                error={errors["draft.session.city"]}
                data-testid="session-city"
              />
            </div>
            <div data-fact="session.host_country" className={highlightStyles.fact}>
              <CountrySelect
                label={t("importReview.hostCountry")}
                value={session.host_country ?? ""}
                onChange={(code) => update({ host_country: orNull(code) })}
                allowNone
                error={errors["draft.session.host_country"]}
              />
            </div>
          </SimpleGrid>
        </Paper>
      )}
    </DraftSection>
  );
}

function CoChairs({ items, set, evidence, errors }: Common & { items: DraftItem<"co_chairs">[] }) {
  const { t } = useLang();
  return (
    <DraftSection
      title={t("importReview.coChairs")}
      count={items.length}
      testId="draft-co-chairs"
      empty={t("importReview.noneFound")}
      onAdd={() => addItem(set, "co_chairs", { name: "", country: null, position: null })}
      addLabel={t("importReview.addCoChair")}
    >
      {items.map((item, index) => {
        const field = (patch: Partial<DraftItem<"co_chairs">>) => patchItem(set, "co_chairs", item.key, patch);
        const number = originalNumber(item.key);
        const title = number ? t("importReview.coChairN", { n: number }) : t("importReview.newCoChair");
        return (
          <FactCard
            key={item.key}
            fact={item.key}
            title={title}
            confidence={evidence.get(item.key)?.confidence}
            onRemove={() => removeItem(set, "co_chairs", item.key)}
            removeLabel={t("importReview.removeNamed", { name: title })}
            testId="draft-co-chair"
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput
                label={t("importReview.name")}
                description={t("importReview.nameHint")}
                value={item.name}
                onChange={(e) => field({ name: e.currentTarget.value })}
                error={errors[`draft.co_chairs.${index}.name`]}
              />
              <CountrySelect
                label={t("importReview.country")}
                value={item.country ?? ""}
                onChange={(country) => field({ country: orNull(country) })}
                allowNone
                error={errors[`draft.co_chairs.${index}.country`]}
              />
            </SimpleGrid>
            <TextInput
              label={t("importReview.position")}
              value={item.position ?? ""}
              onChange={(e) => field({ position: orNull(e.currentTarget.value) })}
              error={errors[`draft.co_chairs.${index}.position`]}
            />
          </FactCard>
        );
      })}
    </DraftSection>
  );
}

function Commitments({ items, set, evidence, errors }: Common & { items: DraftItem<"commitments">[] }) {
  const { t, lang } = useLang();
  const counts = sectorCounts(items);
  return (
    <DraftSection
      title={t("importReview.commitments")}
      count={items.length}
      testId="draft-commitments"
      empty={t("importReview.noneFound")}
      error={errors["draft.commitments"]}
      onAdd={() =>
        addItem(set, "commitments", {
          item: null,
          sector: (items.at(-1)?.sector ?? "other") as SectorCode,
          text: "",
          organizations: [],
          responsible: [],
          deadline: null,
        })
      }
      addLabel={t("importReview.addCommitment")}
    >
      {counts.length > 0 && (
        <Group gap={6} data-testid="draft-sector-counts">
          {counts.map(({ sector, count }) => (
            <Badge key={sector} variant="outline" color="gray" radius="sm" tt="none" fw={500}>
              {sectorName(sector, lang)}: {count}
            </Badge>
          ))}
        </Group>
      )}
      {items.map((item, index) => (
        <CommitmentCard
          key={item.key}
          item={item}
          index={index}
          set={set}
          confidence={evidence.get(item.key)?.confidence}
          errors={errors}
        />
      ))}
    </DraftSection>
  );
}

/** One agreement; memoised, so that typing in one card does not re-render the other thirty. */
const CommitmentCard = memo(function CommitmentCard({
  item,
  index,
  set,
  confidence,
  errors,
}: {
  item: DraftItem<"commitments">;
  index: number;
  set: SetDraft;
  confidence: number | undefined;
  errors: FieldErrors;
}) {
  const { t } = useLang();
  // The deadline form keeps a half-typed value (a quarter without its year) that has no string of its own yet.
  const [deadline, setDeadline] = useState<DeadlineValue>(() => deadlineValueOf(item.deadline ?? null));
  const field = (patch: Partial<DraftItem<"commitments">>) => patchItem(set, "commitments", item.key, patch);
  const at = (name: string) => errors[`draft.commitments.${index}.${name}`];
  const number = originalNumber(item.key);
  const title = number ? t("importReview.commitmentN", { n: number }) : t("importReview.newCommitment");
  return (
    <FactCard
      fact={item.key}
      title={title}
      confidence={confidence}
      onRemove={() => removeItem(set, "commitments", item.key)}
      removeLabel={t("importReview.removeNamed", { name: title })}
      testId="draft-commitment"
    >
      <Textarea
        label={t("importReview.text")}
        value={item.text}
        autosize
        minRows={2}
        maxRows={8}
        onChange={(e) => field({ text: e.currentTarget.value })}
        error={at("text")}
        data-testid="commitment-text"
      />
      <Grid gap="xs">
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <SectorSelect
            value={item.sector}
            onChange={(sector) => field({ sector: sector as SectorCode })}
            error={at("sector")}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 4, sm: 2 }}>
          <TextInput
            label={t("importReview.itemNumber")}
            value={item.item ?? ""}
            onChange={(e) => field({ item: orNull(e.currentTarget.value) })}
            error={at("item")}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 8, sm: 5 }}>
          <DeadlineInput
            value={deadline}
            onChange={(value) => {
              setDeadline(value);
              field({ deadline: deadlineOf(value) || null });
            }}
            error={at("deadline")}
          />
        </Grid.Col>
      </Grid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <TagsInput
          label={t("importReview.organizations")}
          description={t("importReview.organizationsHint")}
          value={item.organizations}
          onChange={(organizations) => field({ organizations })}
          error={errorUnder(errors, `draft.commitments.${index}.organizations`)}
        />
        <TagsInput
          label={t("importReview.responsible")}
          description={t("importReview.responsibleHint")}
          value={item.responsible}
          onChange={(responsible) => field({ responsible })}
          error={errorUnder(errors, `draft.commitments.${index}.responsible`)}
        />
      </SimpleGrid>
    </FactCard>
  );
});

function NextSession({ draft, set, evidence, errors }: Common & { draft: ReviewDraft }) {
  const { t } = useLang();
  const next = draft.next_session;
  const update = (patch: Partial<NonNullable<ReviewDraft["next_session"]>>) =>
    set((d) => ({
      ...d,
      next_session: {
        number: d.session?.number ? d.session.number + 1 : null,
        country: null,
        city: null,
        date: null,
        via_diplomatic_channels: false,
        ...d.next_session,
        ...patch,
      },
    }));
  return (
    <DraftSection title={t("importReview.nextSession")} testId="draft-next-session">
      {!next ? (
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {t("importReview.noNextSession")}
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => update({})}>
            {t("importReview.addNextSession")}
          </Button>
        </Group>
      ) : (
        <FactCard
          fact="next_session"
          title={t("importReview.nextSession")}
          confidence={evidence.get("next_session")?.confidence}
          onRemove={() => set((d) => ({ ...d, next_session: null }))}
          removeLabel={t("importReview.removeNamed", { name: t("importReview.nextSession") })}
          testId="fact-next-session"
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <NumberInput
              label={t("importReview.sessionNumber")}
              value={next.number ?? ""}
              onChange={(v) => update({ number: v === "" ? null : Number(v) })}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              error={errors["draft.next_session.number"]}
            />
            <CountrySelect
              label={t("importReview.hostCountry")}
              value={next.country ?? ""}
              onChange={(country) => update({ country: orNull(country) })}
              allowNone
              error={errors["draft.next_session.country"]}
            />
            <TextInput
              label={t("importReview.city")}
              value={next.city ?? ""}
              onChange={(e) => update({ city: orNull(e.currentTarget.value) })}
              error={errors["draft.next_session.city"]}
            />
            <DateField
              label={t("importReview.date")}
              value={next.date ?? ""}
              onChange={(date) => update({ date: orNull(date) })}
              error={errors["draft.next_session.date"]}
            />
          </SimpleGrid>
          <Checkbox
            label={t("importReview.viaDiplomaticChannels")}
            checked={next.via_diplomatic_channels}
            onChange={(e) => update({ via_diplomatic_channels: e.currentTarget.checked })}
            data-testid="via-diplomatic-channels"
          />
        </FactCard>
      )}
    </DraftSection>
  );
}

/** A list of simple facts (visits, documents, programmes, figures, organisations): cards with add and remove. */
function SimpleList<L extends DraftList>({
  list,
  items,
  title,
  itemTitle,
  blank,
  render,
  set,
  evidence,
  errors,
}: Common & {
  list: L;
  items: DraftItem<L>[];
  title: string;
  itemTitle: (n: number) => string;
  blank: Omit<DraftItem<L>, "key">;
  render: (item: DraftItem<L>, index: number, field: (patch: Partial<DraftItem<L>>) => void) => ReactNode;
}) {
  const { t } = useLang();
  return (
    <DraftSection
      title={title}
      count={items.length}
      testId={`draft-${list.replace(/_/g, "-")}`}
      empty={t("importReview.noneFound")}
      error={errors[`draft.${list}`]}
      onAdd={() => addItem(set, list, blank)}
      addLabel={t("importReview.add")}
    >
      {items.map((item, index) => {
        const number = originalNumber(item.key);
        const name = number ? itemTitle(number) : t("importReview.newItem");
        return (
          <FactCard
            key={item.key}
            fact={item.key}
            title={name}
            confidence={evidence.get(item.key)?.confidence}
            onRemove={() => removeItem(set, list, item.key)}
            removeLabel={t("importReview.removeNamed", { name })}
            testId={`draft-item-${list}`}
          >
            {render(item, index, (patch) => patchItem(set, list, item.key, patch))}
          </FactCard>
        );
      })}
    </DraftSection>
  );
}
