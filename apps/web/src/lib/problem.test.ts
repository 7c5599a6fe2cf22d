import type { ProblemJson } from "@chibo/domain";
import { describe, expect, it } from "vitest";
import { ApiError, buildUrl, toProblem } from "./api-client";
import { errorMessage, fieldOfPath, problemFieldErrors, splitFieldErrors } from "./problem";
import { testTranslator } from "./test-i18n";

const vi = testTranslator("vi");
const en = testTranslator("en");

const problem: ProblemJson = {
  type: "about:blank",
  title: "Unprocessable Entity",
  status: 422,
  code: "validation_failed",
  detail: "Dữ liệu không hợp lệ",
  details: [
    { path: "body.fullName", message: "Không được để trống" },
    { path: "body.cardNumber", message: "Số thẻ không hợp lệ" },
    { path: "body.fullName", message: "Tối đa 120 ký tự" },
    { path: "query.page", message: "Trang không hợp lệ" },
  ],
};

describe("fieldOfPath", () => {
  it("maps body paths to form fields", () => {
    expect(fieldOfPath("body.fullName")).toBe("fullName");
    expect(fieldOfPath("body.address.street")).toBe("address.street");
  });
  it("ignores paths outside the body", () => {
    expect(fieldOfPath("query.page")).toBeNull();
    expect(fieldOfPath("body")).toBeNull();
    expect(fieldOfPath("bodyx.a")).toBeNull();
  });
});

describe("problemFieldErrors", () => {
  it("keeps the server's Vietnamese messages, first one per field", () => {
    expect(problemFieldErrors(problem, vi, "vi")).toEqual({
      fullName: "Không được để trống",
      cardNumber: "Số thẻ không hợp lệ",
    });
  });
  it("translates by code for English users", () => {
    expect(problemFieldErrors(problem, en, "en")).toEqual({
      fullName: "Invalid value",
      cardNumber: "Invalid value",
    });
    const taken: ProblemJson = {
      ...problem,
      code: "card_number_taken",
      details: [{ path: "body.cardNumber", message: "Số thẻ đã có" }],
    };
    expect(problemFieldErrors(taken, en, "en")).toEqual({
      cardNumber: "This party card number is already used.",
    });
  });
  it("can be limited to the fields a form has", () => {
    expect(problemFieldErrors(problem, vi, "vi", ["cardNumber"])).toEqual({
      cardNumber: "Số thẻ không hợp lệ",
    });
  });
});

describe("errorMessage", () => {
  const error = new ApiError(
    409,
    { ...problem, code: "stale_version", detail: "Đã có người sửa" },
    {},
  );
  it("shows the server's detail in Vietnamese", () => {
    expect(errorMessage(error, vi, "vi")).toBe("Đã có người sửa");
  });
  it("translates the code in English", () => {
    expect(errorMessage(error, en, "en")).toBe("Someone else changed this data; please reload.");
  });
  it("falls back to the code when the server sent no detail", () => {
    const bare = new ApiError(401, toProblem(401, "Unauthorized", undefined), undefined);
    expect(errorMessage(bare, vi, "vi")).toBe("Bạn cần đăng nhập.");
  });
  it("names network failures", () => {
    expect(errorMessage(new TypeError("Failed to fetch"), en, "en")).toBe(
      "Cannot reach the server.",
    );
  });
});

describe("toProblem", () => {
  it("reads a problem document and drops unknown codes", () => {
    const read = toProblem(404, "Not Found", { code: "no_such_code", detail: "Không thấy" });
    expect(read.code).toBe("not_found");
    expect(read.detail).toBe("Không thấy");
  });
});

describe("buildUrl", () => {
  it("drops empty values", () => {
    expect(buildUrl("/api/v1/members", { q: "an", unitId: null, page: 2, status: "" })).toBe(
      "/api/v1/members?q=an&page=2",
    );
    expect(buildUrl("/api/v1/members", {})).toBe("/api/v1/members");
  });
});

describe("splitFieldErrors", () => {
  it("keeps errors of the form's fields and collects the others", () => {
    expect(
      splitFieldErrors(
        {
          newDate: "Ngày mới phải sau",
          registeredDate: "Chỉ báo hoãn trước ngày",
          "topics.0.title": "x",
        },
        { newDate: null, reason: "", topics: [] },
      ),
    ).toEqual({
      atFields: { newDate: "Ngày mới phải sau", "topics.0.title": "x" },
      elsewhere: ["Chỉ báo hoãn trước ngày"],
    });
  });
});
