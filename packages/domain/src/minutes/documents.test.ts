import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_TYPES,
  isAllowedDocumentType,
  postedInTime,
} from "./documents.js";

describe("meeting document types", () => {
  it("allows PDF, DOCX and the usual images", () => {
    for (const mime of Object.keys(DOCUMENT_TYPES)) expect(isAllowedDocumentType(mime)).toBe(true);
    expect(isAllowedDocumentType("application/pdf")).toBe(true);
    expect(
      isAllowedDocumentType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ),
    ).toBe(true);
    expect(Object.values(DOCUMENT_TYPES)).toEqual(["pdf", "docx", "png", "jpg", "webp"]);
  });

  it("refuses everything else, including an unknown type and object keys", () => {
    for (const mime of [
      undefined,
      "",
      "application/zip",
      "application/msword",
      "application/x-msdownload",
      "text/html",
      "image/svg+xml",
      "APPLICATION/PDF",
      "application/pdf; charset=binary",
      "toString",
      "__proto__",
      "constructor",
      "hasOwnProperty",
    ]) {
      expect(isAllowedDocumentType(mime), String(mime)).toBe(false);
    }
  });

  it("allows a string exactly when it is one of the listed types (property)", () => {
    const listed = new Set(Object.keys(DOCUMENT_TYPES));
    fc.assert(
      fc.property(fc.string(), (mime) => {
        expect(isAllowedDocumentType(mime)).toBe(listed.has(mime));
      }),
    );
  });

  it("limits one document to 10 MiB by default", () => {
    expect(DOCUMENT_MAX_BYTES).toBe(10 * 1024 * 1024);
  });
});

describe("documents posted in time (HD42: at least one day before)", () => {
  it("counts a document posted the day before, not on the day or after", () => {
    expect(postedInTime("2026-03-02", "2026-03-03")).toBe(true);
    expect(postedInTime("2026-02-28", "2026-03-03")).toBe(true);
    expect(postedInTime("2025-12-31", "2026-01-01")).toBe(true);
    expect(postedInTime("2026-03-03", "2026-03-03")).toBe(false);
    expect(postedInTime("2026-03-04", "2026-03-03")).toBe(false);
  });

  it("is in time exactly when the upload day comes first, never both ways (property)", () => {
    const day = fc
      .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z") })
      .filter((d) => !Number.isNaN(d.getTime()))
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (uploaded, meeting) => {
        expect(postedInTime(uploaded, meeting)).toBe(
          new Date(uploaded).getTime() < new Date(meeting).getTime(),
        );
        expect(postedInTime(uploaded, meeting) && postedInTime(meeting, uploaded)).toBe(false);
        expect(postedInTime(uploaded, uploaded)).toBe(false);
      }),
    );
  });
});
