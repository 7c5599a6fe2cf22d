import {
  checkinInput,
  createMemberInput,
  exemptionInput,
  meetingScheduleInput,
} from "@chibo/domain";
import { describe, expect, it } from "vitest";
import { testTranslator } from "./test-i18n";
import { zodFieldErrors } from "./validation";

const vi = testTranslator("vi");
const en = testTranslator("en");

const member = {
  unitId: "3f8a6c1e-2b4d-4e6f-8a1b-2c3d4e5f6a7b",
  fullName: "Nguyễn Văn An",
  gender: "male",
  birthDate: "1990-01-01",
  joinDate: "2015-05-19",
};

describe("zodFieldErrors", () => {
  it("accepts a valid member", () => {
    expect(zodFieldErrors(createMemberInput, member, vi, "vi")).toEqual({});
  });
  it("says what is missing, in Vietnamese", () => {
    const errors = zodFieldErrors(
      createMemberInput,
      { ...member, fullName: "  ", birthDate: null },
      vi,
      "vi",
    );
    expect(errors.fullName).toBe("Không được để trống");
    expect(errors.birthDate).toBe("Không được để trống");
  });
  it("translates the contract's messages for English users", () => {
    const errors = zodFieldErrors(
      createMemberInput,
      { ...member, joinDate: "1980-01-01", email: "nope" },
      en,
      "en",
    );
    expect(errors.joinDate).toBe("The join date must be after the birth date");
    expect(errors.email).toBe("Invalid email");
  });
  it("keeps refinement paths", () => {
    const errors = zodFieldErrors(
      exemptionInput,
      { from: "2024-05-01", to: "2024-04-01", reason: "Ốm" },
      vi,
      "vi",
    );
    expect(errors).toEqual({ to: "Ngày kết thúc không được trước ngày bắt đầu" });
  });
});

describe("meeting contract messages", () => {
  it("are translated for English users", () => {
    expect(zodFieldErrors(checkinInput, { code: "123" }, en, "en")).toEqual({
      code: "The check-in code has 6 digits",
    });
    expect(
      zodFieldErrors(meetingScheduleInput, { day: 3, time: "7h", mode: "in_person" }, en, "en"),
    ).toEqual({ time: "Times are HH:MM (00:00–23:59)" });
  });
  it("stay as the contract says them in Vietnamese", () => {
    expect(zodFieldErrors(checkinInput, { code: "12a456" }, vi, "vi").code).toBe(
      "Mã điểm danh gồm 6 chữ số",
    );
  });
});
