import { describe, expect, it } from "vitest";
import { createCommitmentSchema } from "../shared/api/commitments.ts";
import { documentUploadSchema } from "../shared/api/documents.ts";
import { createScheduleStepSchema, updateSessionSchema } from "../shared/api/sessions.ts";
import { check, textOf } from "./forms.ts";

// The messages below are the ones the server answers for the same bodies (see the API tests and the e2e journey):
// the browser checks the same contracts, so a person sees the same words whichever side caught the mistake.
const SESSION = "00000000-0000-4000-8000-000000000001";

describe("checking a form against its endpoint's contract", () => {
  it("names each field the way the server does", () => {
    expect(check(createCommitmentSchema, { sessionId: SESSION, sector: "energy", text: {} })).toEqual({
      text: "give the text in at least one language (ru, en or az)",
    });
    expect(check(createCommitmentSchema, { sessionId: SESSION, sector: "energy", text: { ru: " " } })).toEqual({
      "text.ru": "must not be empty",
    });
    expect(check(createCommitmentSchema, { sessionId: SESSION, text: { ru: "x" }, deadline: "2026-13" })).toEqual({
      sector: "is required",
      deadline: "must be a date (2026-06-30), a month (2026-06), a quarter (2026-Q4), a year (2026) or 'ongoing'",
    });
  });

  it("reports unknown fields and rules across fields", () => {
    expect(check(updateSessionSchema, { version: 1, colour: "red" })).toEqual({ colour: "is not a known field" });
    expect(check(updateSessionSchema, { version: 1, startsOn: "2026-05-21", endsOn: "2026-05-20" })).toEqual({
      endsOn: "must not be before startsOn",
    });
    expect(check(createScheduleStepSchema, { kind: "agreement", occurredOn: "2026-03-02" })).toEqual({
      proposedStartsOn: "is required when the dates are agreed",
    });
  });

  it("checks an upload's metadata inside its JSON text, under the metadata field", () => {
    const metadata = JSON.stringify({ commissionId: SESSION, kind: "press_release", title: {}, languages: ["ru"] });
    expect(check(documentUploadSchema, { metadata })).toEqual({
      "metadata.title": "give the text in at least one language (ru, en or az)",
    });
  });

  it("passes a valid body", () => {
    expect(check(createCommitmentSchema, { sessionId: SESSION, sector: "energy", text: { ru: "x" } })).toBeNull();
  });
});

describe("textOf", () => {
  it("keeps the languages that were filled in, trimmed", () => {
    expect(textOf({ ru: "  Баку ", en: "", az: "   " })).toEqual({ ru: "Баку" });
    expect(textOf({})).toEqual({});
  });
});
