import { describe, expect, it } from "vitest";
import { MAX_EVIDENCE_FILE_BYTES } from "../shared/api/commitments.ts";
import {
  addDays,
  atRiskFilters,
  dueWindow,
  evidenceProblem,
  formatBytes,
  listFiltersOf,
  listHref,
  scopeOf,
} from "./monitoring.ts";

describe("the commitments list's filters in its URL", () => {
  it("round-trips the filters a dashboard number links with", () => {
    const href = listHref({ commissionId: "c1", sector: "energy", overdue: "true", status: undefined, q: "" });
    expect(href).toBe("/commitments?commissionId=c1&sector=energy&overdue=true");
    const params = new URLSearchParams(href.split("?")[1]);
    expect(listFiltersOf(params)).toEqual({ commissionId: "c1", sector: "energy", overdue: "true" });
  });

  it("leaves out what the API would refuse rather than sending it", () => {
    const params = new URLSearchParams(
      "status=late&sector=astrology&overdue=yes&sort=random&side=Azerbaijan&q=%20SOCAR%20",
    );
    expect(listFiltersOf(params)).toEqual({ q: "SOCAR" });
  });

  it("takes booleans as the API spells them and keeps the order fixed", () => {
    expect(listHref({ awaitingConfirmation: true, commissionId: "x" })).toBe(
      "/commitments?commissionId=x&awaitingConfirmation=true",
    );
    expect(listHref({})).toBe("/commitments");
  });

  it("spells the dashboard's due windows as list filters, today and the last day included", () => {
    expect(dueWindow("2026-11-27", 30)).toEqual({
      open: "true",
      dueFrom: "2026-11-27",
      dueTo: "2026-12-27",
      sort: "deadline",
    });
    expect(atRiskFilters("2026-02-10")).toMatchObject({ dueTo: "2026-03-12", progressBelow: "50" });
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    const href = listHref(dueWindow("2026-11-27", 90));
    expect(listFiltersOf(new URLSearchParams(href.split("?")[1]))).toEqual(dueWindow("2026-11-27", 90));
    expect(listFiltersOf(new URLSearchParams("dueFrom=27.11.2026&progressBelow=0&open=maybe"))).toEqual({});
  });

  it("reads the dashboard's scope", () => {
    expect(scopeOf(new URLSearchParams("commissionId=c&sector=trade&organizationId=o&status=done"))).toEqual({
      commissionId: "c",
      sector: "trade",
      organizationId: "o",
    });
    expect(scopeOf(new URLSearchParams("sector=nonsense"))).toEqual({});
  });
});

describe("evidence checked before it is sent, with the server's limits", () => {
  const file = (name: string, size: number, type = "") => ({ name, size, type });

  it("takes up to five PDF, DOCX, XLSX, PNG, JPEG or text files of at most 10 MB", () => {
    expect(
      evidenceProblem([
        file("memo.pdf", 1200, "application/pdf"),
        file("report.DOCX", 5000),
        file("photo.jpeg", MAX_EVIDENCE_FILE_BYTES, "image/jpeg"),
        file("notes", 10, "text/plain"),
      ]),
    ).toBeNull();
  });

  it("names the first problem", () => {
    expect(evidenceProblem(Array.from({ length: 6 }, (_, i) => file(`f${i}.pdf`, 1)))).toEqual({
      kind: "tooMany",
      max: 5,
    });
    expect(evidenceProblem([file("big.pdf", MAX_EVIDENCE_FILE_BYTES + 1)])).toEqual({
      kind: "tooLarge",
      name: "big.pdf",
    });
    expect(evidenceProblem([file("empty.pdf", 0)])).toEqual({ kind: "empty", name: "empty.pdf" });
    expect(evidenceProblem([file("page.html", 10, "text/html")])).toEqual({ kind: "badType", name: "page.html" });
    expect(evidenceProblem([file("tool.exe", 10, "application/octet-stream")])).toEqual({
      kind: "badType",
      name: "tool.exe",
    });
  });

  it("prints sizes for people", () => {
    expect(formatBytes(45, "en")).toBe("45 B");
    expect(formatBytes(2048, "en")).toBe("2 KB");
    expect(formatBytes(2.5 * 1024 * 1024, "ru")).toBe("2,5 MB");
  });
});
