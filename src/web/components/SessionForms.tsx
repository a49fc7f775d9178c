import {
  Checkbox,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  createScheduleStepSchema,
  DELEGATION_ROLES,
  delegationMemberInSchema,
  EVENT_KINDS,
  SCHEDULE_STEP_KINDS,
  SESSION_STATUSES,
  type SessionDetail,
  sessionEventInSchema,
  updateSessionSchema,
} from "../../shared/api/sessions.ts";
import { api } from "../api.ts";
import { countryName, formatDate } from "../format.ts";
import { optional, textOf, useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { keys } from "../queries.ts";
import {
  ApiFormElement,
  CountrySelect,
  DateField,
  FormActions,
  FormFeedback,
  LocalizedInputs,
  OrganizationSelect,
  PersonSelect,
  type TextValue,
} from "./form.tsx";
import { usePlainText } from "./LocalizedText.tsx";

/** After a write that answers the whole session: show it at once and refresh what lists it. */
function useSessionSaved(session: SessionDetail) {
  const queryClient = useQueryClient();
  return async (result: SessionDetail) => {
    queryClient.setQueryData(keys.session(session.id), result);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.commission(session.commission.id) }),
      queryClient.invalidateQueries({ queryKey: keys.commitments }),
    ]);
  };
}

const SESSION_FIELDS = [
  "version",
  "number",
  "hostCountry",
  "city",
  "city.*",
  "startsOn",
  "endsOn",
  "status",
  "datesViaDiplomaticChannels",
] as const;

/** Number, host, city, dates (or "via diplomatic channels") and status of a session; sent with its version. */
export function EditSessionForm({ session, onDone }: { session: SessionDetail; onDone: () => void }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const saved = useSessionSaved(session);
  const [number, setNumber] = useState<number | "">(session.number);
  const [hostCountry, setHostCountry] = useState(session.hostCountry);
  const [city, setCity] = useState<TextValue>(session.city ?? {});
  const [startsOn, setStartsOn] = useState(session.startsOn ?? "");
  const [endsOn, setEndsOn] = useState(session.endsOn ?? "");
  const [status, setStatus] = useState<string>(session.status);
  const [viaChannels, setViaChannels] = useState(session.datesViaDiplomaticChannels);
  const form = useApiForm({
    schema: updateSessionSchema,
    fields: SESSION_FIELDS,
    send: (input: Parameters<typeof api.updateSession>[1]) => api.updateSession(session.id, input),
    onSuccess: async (result) => {
      await saved(result);
      onDone();
    },
    onConflict: () => queryClient.invalidateQueries({ queryKey: keys.session(session.id) }),
  });
  const cityText = textOf(city);
  return (
    <ApiFormElement
      testId="session-form"
      onSubmit={() =>
        form.submit({
          version: session.version,
          number: number === "" ? (undefined as never) : number,
          hostCountry,
          city: Object.keys(cityText).length > 0 ? cityText : null,
          startsOn: optional(startsOn) ?? null,
          endsOn: optional(endsOn) ?? null,
          status: status as SessionDetail["status"],
          datesViaDiplomaticChannels: viaChannels,
        })
      }
    >
      <FormFeedback form={form} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          label={t("sessionForm.number")}
          required
          value={number}
          onChange={(v) => setNumber(typeof v === "number" ? v : v === "" ? "" : Number(v))}
          allowDecimal={false}
          error={form.error("number")}
          data-testid="session-number"
        />
        <CountrySelect
          label={t("session.host")}
          value={hostCountry}
          onChange={setHostCountry}
          only={session.commission.countries}
          error={form.error("hostCountry")}
        />
      </SimpleGrid>
      <LocalizedInputs label={t("session.city")} value={city} onChange={setCity} form={form} path="city" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateField
          label={t("sessionForm.startsOn")}
          value={startsOn}
          onChange={setStartsOn}
          error={form.error("startsOn")}
        />
        <DateField label={t("sessionForm.endsOn")} value={endsOn} onChange={setEndsOn} error={form.error("endsOn")} />
      </SimpleGrid>
      <Checkbox
        label={t("sessionForm.viaChannels")}
        checked={viaChannels}
        onChange={(e) => setViaChannels(e.currentTarget.checked)}
        error={form.error("datesViaDiplomaticChannels")}
      />
      <NativeSelect
        label={t("session.status")}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value)}
        data={SESSION_STATUSES.map((s) => ({ value: s, label: t(`sessionStatus.${s}`) }))}
        error={form.error("status")}
      />
      <FormActions pending={form.pending} onCancel={onDone} submit={t("form.save")} />
    </ApiFormElement>
  );
}

const STEP_FIELDS = [
  "kind",
  "fromSide",
  "proposedStartsOn",
  "proposedEndsOn",
  "noteReference",
  "text",
  "occurredOn",
] as const;

/** A step of fixing the dates: a proposal, an answer, the agreement (which sets the dates) or a postponement. */
export function ScheduleStepForm({ session, onDone }: { session: SessionDetail; onDone: () => void }) {
  const { t, lang } = useLang();
  const saved = useSessionSaved(session);
  const [kind, setKind] = useState<string>("proposal");
  const [fromSide, setFromSide] = useState(session.commission.countries[0] ?? "");
  const [occurredOn, setOccurredOn] = useState("");
  const [proposedStartsOn, setProposedStartsOn] = useState("");
  const [proposedEndsOn, setProposedEndsOn] = useState("");
  const [noteReference, setNoteReference] = useState("");
  const [text, setText] = useState("");
  const form = useApiForm({
    schema: createScheduleStepSchema,
    fields: STEP_FIELDS,
    send: (input: Parameters<typeof api.addScheduleStep>[1]) => api.addScheduleStep(session.id, input),
    onSuccess: async (result) => {
      await saved(result);
      onDone();
    },
  });
  const takesDates = kind !== "answer" && kind !== "other";
  return (
    <ApiFormElement
      testId="schedule-step-form"
      onSubmit={() =>
        form.submit({
          kind: kind as (typeof SCHEDULE_STEP_KINDS)[number],
          fromSide: fromSide || null,
          occurredOn: optional(occurredOn) as string,
          proposedStartsOn: optional(proposedStartsOn) ?? null,
          proposedEndsOn: optional(proposedEndsOn) ?? null,
          noteReference: optional(noteReference) ?? null,
          text: optional(text) ?? null,
        })
      }
    >
      <FormFeedback form={form} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t("scheduleStep.kind")}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          data={SCHEDULE_STEP_KINDS.map((k) => ({ value: k, label: t(`scheduleStepKinds.${k}`) }))}
          error={form.error("kind")}
          description={kind === "agreement" ? t("scheduleStep.agreementHint") : undefined}
        />
        <NativeSelect
          label={t("scheduleStep.fromSide")}
          value={fromSide}
          onChange={(e) => setFromSide(e.currentTarget.value)}
          data={[
            { value: "", label: t("form.none") },
            ...session.commission.countries.map((c) => ({ value: c, label: countryName(c, lang) })),
          ]}
          error={form.error("fromSide")}
        />
        <DateField
          label={t("scheduleStep.occurredOn")}
          value={occurredOn}
          onChange={setOccurredOn}
          error={form.error("occurredOn")}
          required
        />
        <TextInput
          label={t("scheduleStep.noteReference")}
          placeholder="№ 12/345"
          value={noteReference}
          onChange={(e) => setNoteReference(e.currentTarget.value)}
          error={form.error("noteReference")}
        />
        {takesDates && (
          <>
            <DateField
              label={t("scheduleStep.proposedStartsOn")}
              value={proposedStartsOn}
              onChange={setProposedStartsOn}
              error={form.error("proposedStartsOn")}
              required={kind === "agreement"}
            />
            <DateField
              label={t("scheduleStep.proposedEndsOn")}
              value={proposedEndsOn}
              onChange={setProposedEndsOn}
              error={form.error("proposedEndsOn")}
            />
          </>
        )}
      </SimpleGrid>
      <Textarea
        label={t("scheduleStep.text")}
        autosize
        minRows={2}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={form.error("text")}
      />
      <FormActions pending={form.pending} onCancel={onDone} submit={t("scheduleStep.submit")} />
    </ApiFormElement>
  );
}

const MEMBER_FIELDS = ["side", "personId", "organizationId", "role"] as const;

export function DelegationMemberForm({
  session,
  side: initialSide,
  onDone,
}: {
  session: SessionDetail;
  side?: string;
  onDone: () => void;
}) {
  const { t } = useLang();
  const saved = useSessionSaved(session);
  const [side, setSide] = useState(initialSide ?? session.commission.countries[0] ?? "");
  const [kind, setKind] = useState<"person" | "organization">("person");
  const [person, setPerson] = useState<{ id: string; label: string } | null>(null);
  const [organization, setOrganization] = useState<{ id: string; label: string } | null>(null);
  const [role, setRole] = useState<string>("member");
  const form = useApiForm({
    schema: delegationMemberInSchema,
    fields: MEMBER_FIELDS,
    send: (input: Parameters<typeof api.addDelegationMember>[1]) => api.addDelegationMember(session.id, input),
    onSuccess: async (result) => {
      await saved(result);
      onDone();
    },
  });
  return (
    <ApiFormElement
      testId="delegation-form"
      onSubmit={() =>
        form.submit({
          side,
          personId: kind === "person" ? (person?.id ?? null) : null,
          organizationId: kind === "organization" ? (organization?.id ?? null) : null,
          role: role as (typeof DELEGATION_ROLES)[number],
        })
      }
    >
      <FormFeedback form={form} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <CountrySelect
          label={t("commission.side")}
          value={side}
          onChange={setSide}
          only={session.commission.countries}
          error={form.error("side")}
        />
        <NativeSelect
          label={t("delegation.role")}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          data={DELEGATION_ROLES.map((r) => ({ value: r, label: t(`delegationRoles.${r}`) }))}
          error={form.error("role")}
        />
      </SimpleGrid>
      <Stack gap={6}>
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value === "organization" ? "organization" : "person")}
          data={[
            { value: "person", label: t("delegation.person") },
            { value: "organization", label: t("delegation.organization") },
          ]}
          fullWidth
        />
        {kind === "person" ? (
          <PersonSelect
            label={t("delegation.person")}
            value={person?.id ?? null}
            selected={person}
            onChange={setPerson}
            error={form.error("personId")}
            required
          />
        ) : (
          <OrganizationSelect
            label={t("delegation.organization")}
            value={organization?.id ?? null}
            selected={organization}
            onChange={setOrganization}
            country={side}
            error={form.error("organizationId", "personId")}
            required
          />
        )}
      </Stack>
      <FormActions pending={form.pending} onCancel={onDone} submit={t("delegation.submit")} />
    </ApiFormElement>
  );
}

const EVENT_FIELDS = ["kind", "title", "title.*", "place", "place.*", "startsOn", "parentId"] as const;

export function EventForm({ session, onDone }: { session: SessionDetail; onDone: () => void }) {
  const { t, lang } = useLang();
  const plain = usePlainText();
  const saved = useSessionSaved(session);
  const [kind, setKind] = useState<string>("site_visit");
  const [title, setTitle] = useState<TextValue>({});
  const [place, setPlace] = useState<TextValue>({});
  const [startsOn, setStartsOn] = useState(session.startsOn ?? "");
  const [parentId, setParentId] = useState("");
  const form = useApiForm({
    schema: sessionEventInSchema,
    fields: EVENT_FIELDS,
    send: (input: Parameters<typeof api.addEvent>[1]) => api.addEvent(session.id, input),
    onSuccess: async (result) => {
      await saved(result);
      onDone();
    },
  });
  const placeText = textOf(place);
  return (
    <ApiFormElement
      testId="event-form"
      onSubmit={() =>
        form.submit({
          kind: kind as (typeof EVENT_KINDS)[number],
          title: textOf(title),
          place: Object.keys(placeText).length > 0 ? placeText : null,
          startsOn: optional(startsOn) ?? null,
          parentId: parentId || null,
        })
      }
    >
      <FormFeedback form={form} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t("eventForm.kind")}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          data={EVENT_KINDS.map((k) => ({ value: k, label: t(`eventKinds.${k}`) }))}
          error={form.error("kind")}
        />
        <DateField label={t("eventForm.date")} value={startsOn} onChange={setStartsOn} error={form.error("startsOn")} />
      </SimpleGrid>
      <LocalizedInputs
        label={t("eventForm.name")}
        value={title}
        onChange={setTitle}
        form={form}
        path="title"
        required
      />
      <LocalizedInputs label={t("eventForm.place")} value={place} onChange={setPlace} form={form} path="place" />
      {session.events.length > 0 && (
        <NativeSelect
          label={t("eventForm.parent")}
          value={parentId}
          onChange={(e) => setParentId(e.currentTarget.value)}
          data={[
            { value: "", label: t("form.none") },
            ...session.events.map((e) => ({
              value: e.id,
              label: `${plain(e.title)}${e.startsOn ? ` (${formatDate(e.startsOn, lang)})` : ""}`,
            })),
          ]}
          error={form.error("parentId")}
        />
      )}
      <FormActions pending={form.pending} onCancel={onDone} submit={t("eventForm.submit")} />
    </ApiFormElement>
  );
}
