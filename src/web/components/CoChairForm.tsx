import { NativeSelect, SegmentedControl, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { appointCoChairSchema } from "../../shared/api/commissions.ts";
import { createPersonSchema } from "../../shared/api/people.ts";
import { api } from "../api.ts";
import { countryName } from "../format.ts";
import { check, type FieldErrors, optional, textOf, useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { keys, usePerson } from "../queries.ts";
import {
  ApiFormElement,
  CountrySelect,
  DateField,
  FormActions,
  FormFeedback,
  LocalizedInputs,
  PersonSelect,
  type TextValue,
} from "./form.tsx";
import { usePlainText } from "./LocalizedText.tsx";

const FIELDS = [
  "side",
  "personId",
  "positionId",
  "positionTitle",
  "positionTitle.*",
  "startsOn",
  "name",
  "name.*",
] as const;

const NEW_POSITION = "";

type Input = {
  newPersonName: TextValue | null;
  appoint: {
    side: string;
    personId?: string;
    positionId?: string;
    positionTitle?: TextValue;
    startsOn?: string;
  };
};

// Stands for the person about to be created, so that the rest of the appointment can be checked before it exists.
const NOT_YET_CREATED = "00000000-0000-4000-8000-000000000000";

/**
 * Appoint a co-chair for a side: a person found by search (or created here), the position they co-chair in
 * (one they hold, or a new title) and the first day of the term. The previous co-chair's term then ends.
 */
export function CoChairForm({
  commissionId,
  countries,
  side: initialSide,
  onDone,
}: {
  commissionId: string;
  countries: readonly string[];
  side: string;
  onDone: () => void;
}) {
  const { t, lang } = useLang();
  const plain = usePlainText();
  const queryClient = useQueryClient();
  const [side, setSide] = useState(initialSide);
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const [person, setPerson] = useState<{ id: string; label: string } | null>(null);
  const [name, setName] = useState<TextValue>({});
  const [positionId, setPositionId] = useState(NEW_POSITION);
  const [positionTitle, setPositionTitle] = useState<TextValue>({});
  const [startsOn, setStartsOn] = useState("");
  const details = usePerson(mode === "existing" ? person?.id : null);
  const positions = details.data?.positions ?? [];

  const form = useApiForm({
    fields: FIELDS,
    validate: ({ newPersonName, appoint }: Input): FieldErrors | null => {
      const personIssues = newPersonName ? check(createPersonSchema, { name: newPersonName }) : null;
      const appointIssues = check(appointCoChairSchema, {
        ...appoint,
        personId: newPersonName ? NOT_YET_CREATED : appoint.personId,
      });
      return personIssues || appointIssues ? { ...personIssues, ...appointIssues } : null;
    },
    send: async ({ newPersonName, appoint }: Input) => {
      const personId = newPersonName ? (await api.createPerson({ name: newPersonName })).id : appoint.personId;
      return api.appointCoChair(commissionId, { ...appoint, personId: personId as string });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.commission(commissionId) });
      onDone();
    },
  });

  const submit = () => {
    const usingPosition = mode === "existing" && positionId !== NEW_POSITION;
    form.submit({
      newPersonName: mode === "new" ? textOf(name) : null,
      appoint: {
        side,
        personId: mode === "existing" ? person?.id : undefined,
        positionId: usingPosition ? positionId : undefined,
        positionTitle: usingPosition ? undefined : textOf(positionTitle),
        startsOn: optional(startsOn),
      },
    });
  };

  return (
    <ApiFormElement onSubmit={submit} testId="co-chair-form">
      <FormFeedback form={form} />
      <CountrySelect
        label={t("commission.side")}
        value={side}
        onChange={setSide}
        only={countries}
        error={form.error("side")}
      />
      <Stack gap={6}>
        <SegmentedControl
          value={mode}
          onChange={(value) => setMode(value === "new" ? "new" : "existing")}
          data={[
            { value: "existing", label: t("coChairForm.existingPerson") },
            { value: "new", label: t("coChairForm.newPerson") },
          ]}
          fullWidth
        />
        {mode === "existing" ? (
          <PersonSelect
            label={t("coChairForm.person")}
            value={person?.id ?? null}
            selected={person}
            required
            onChange={(option) => {
              setPerson(option);
              setPositionId(NEW_POSITION);
            }}
            error={form.error("personId")}
            testId="co-chair-person"
          />
        ) : (
          <LocalizedInputs
            label={t("coChairForm.name")}
            value={name}
            onChange={setName}
            form={form}
            path="name"
            required
          />
        )}
      </Stack>
      {mode === "existing" && positions.length > 0 && (
        <NativeSelect
          label={t("coChairForm.position")}
          value={positionId}
          onChange={(e) => setPositionId(e.currentTarget.value)}
          data={[
            ...positions.map((p) => ({ value: p.id, label: plain(p.title) })),
            { value: NEW_POSITION, label: t("coChairForm.newPosition") },
          ]}
          error={form.error("positionId")}
        />
      )}
      {(mode === "new" || positionId === NEW_POSITION) && (
        <LocalizedInputs
          label={t("coChairForm.positionTitle")}
          value={positionTitle}
          onChange={setPositionTitle}
          form={{ error: (...paths) => form.error(...paths) ?? form.error("positionId") }}
          path="positionTitle"
          required
        />
      )}
      <DateField
        label={t("coChairForm.startsOn")}
        description={t("coChairForm.startsOnHint", { country: countryName(side, lang) })}
        value={startsOn}
        onChange={setStartsOn}
        error={form.error("startsOn")}
      />
      <Text size="xs" c="dimmed">
        {t("coChairForm.note")}
      </Text>
      <FormActions pending={form.pending} onCancel={onDone} submit={t("coChairForm.submit")} />
    </ApiFormElement>
  );
}
