// The rubrics chibo ships (domain.md "Scoring a meeting"), and the choice of the rubric in force
// for a meeting. Each is data a province may copy and revise; all are marked `isDefault`, so a
// tenant's own rubric for the same meetings is preferred to them.

import type { MeetingKind } from "../meetings/kinds.js";
import type { UnitType } from "../org/tree.js";
import type { Band, Rubric, RubricCap, RubricCriterion } from "./rubric.js";

const band = (from: number, points: number, extra: Partial<Band> = {}): Band => ({
  from,
  points,
  ...extra,
});

type Extra = Partial<Pick<RubricCriterion, "evidence" | "onlyWhen" | "mustFull" | "needsReason">>;

/** Full points or none, from the record when `evidence` is given. */
function yesNo(
  key: string,
  group: string,
  label: string,
  max: number,
  extra: Extra = {},
): RubricCriterion {
  return { key, group, label, max, scoring: { kind: "yes_no" }, ...extra };
}

/** A yes/no judgement: a reason is written when it is not given full points. */
function judged(
  key: string,
  group: string,
  label: string,
  max: number,
  extra: Extra = {},
): RubricCriterion {
  return yesNo(key, group, label, max, { needsReason: true, ...extra });
}

/** A judgement in half points from 0 to the maximum, with a reason below it. */
function pointsItem(key: string, group: string, label: string, max: number): RubricCriterion {
  return { key, group, label, max, scoring: { kind: "points" }, needsReason: true };
}

function banded(
  key: string,
  group: string,
  label: string,
  max: number,
  bands: Band[],
  extra: Extra & { limit?: { when: RubricCap["when"]; points: number } } = {},
): RubricCriterion {
  const { limit, ...rest } = extra;
  return {
    key,
    group,
    label,
    max,
    scoring: limit ? { kind: "bands", bands, limit } : { kind: "bands", bands },
    ...rest,
  };
}

/**
 * The ward sheet's duration item (domain.md): met 5; short by at most 15 minutes 4; by 15–30
 * minutes 3; at least half of the required duration 2; less 1. The required duration is the
 * meeting's figure (90 minutes; 120 with a thematic meeting or 30 members or more).
 */
const DURATION_BANDS: Band[] = [
  band(0, 5),
  band(-15, 4),
  band(-30, 3),
  band(0.5, 2, { ofRequired: true }),
  band(0, 1, { ofRequired: true }),
];

/**
 * The share of members present who spoke, "> 50%" being strict (minutes/participation.ts:
 * mostSpoke).
 */
function speakingBands(top: number, second: number, third: number, floor: number): Band[] {
  return [band(0.5, top, { above: true }), band(0.4, second), band(0.3, third), band(0, floor)];
}

/**
 * HD12's quality bar (domain.md "Attendance"): rate above 85%, nobody absent without reason, nobody
 * absent more than 3 times in a row this year. HD12 names the conditions, not the level a failing
 * meeting gets: chibo's default holds it below Tốt (a tenant may lower it). HD42 keeps no other
 * figure, so the bar is carried into the HD42 sheets as configurable data.
 */
export const HD12_QUALITY_CAPS: readonly RubricCap[] = [
  {
    when: "attendance_below_quality_bar",
    maxLevel: "kha",
    label: "Tỷ lệ đảng viên dự sinh hoạt không trên 85% (HD12)",
  },
  {
    when: "unexcused_absence",
    maxLevel: "kha",
    label: "Có đảng viên vắng mặt không có lý do (HD12)",
  },
  {
    when: "long_absence",
    maxLevel: "kha",
    label: "Có đảng viên vắng mặt quá 3 lần liên tiếp trong năm (HD12)",
  },
];

/** chibo's defaults for what the record shows (seed 000: the registered day; minutes are kept). */
export const RECORD_CAPS: readonly RubricCap[] = [
  {
    when: "not_held_on_schedule",
    maxLevel: "kha",
    label: "Không sinh hoạt đúng ngày đã đăng ký và không báo hoãn kịp thời",
  },
  { when: "minutes_missing", maxLevel: "trung_binh", label: "Không có biên bản cuộc họp" },
];

const COMMON = {
  version: 1,
  unitTypes: null,
  isDefault: true,
  max: 100,
  // Bình Thuận's handbook (domain.md): Tốt ≥ 90, Khá 70–< 90, Trung bình 50–< 70, Kém < 50.
  levels: { tot: 90, kha: 70, trungBinh: 50 },
  // domain.md: Bình Thuận's must-full condition is a per-tenant switch, off by default.
  mustFullForTot: false,
  qualityRate: 0.85,
  caps: [...HD12_QUALITY_CAPS, ...RECORD_CAPS],
  thematicMonth: { mode: "scale" },
} satisfies Partial<Rubric>;

/** HD42 came into force on 28/10/2025, replacing HD12 (domain.md). */
const HD42_FROM = "2025-10-28";
const HD12_FROM = "2018-07-06";
const HD12_TO = "2025-10-27";

/**
 * domain.md: a ward committee's 100-point sheet for a regular meeting under HD42 (2025) — a
 * realistic model, not an official national text; chibo's default regular-meeting rubric since
 * HD42. The thematic item counts only in a month with a thematic meeting; other months are scored
 * out of 95 and scaled. Bình Thuận's four must-full criteria: attendance rate, duration, members
 * speaking, minutes book.
 */
export const HD42_WARD_REGULAR_RUBRIC: Rubric = {
  ...COMMON,
  code: "hd42-ward-regular",
  name: "Bảng chấm điểm sinh hoạt chi bộ thường kỳ (mẫu của một đảng ủy phường, theo HD42)",
  source:
    "Hướng dẫn 42-HD/BTCTW ngày 28/10/2025; phiếu chấm điểm 100 điểm của một đảng ủy phường (2025); điều kiện chất lượng của Hướng dẫn 12-HD/BTCTW",
  validFrom: HD42_FROM,
  validTo: null,
  meetingKinds: ["regular"],
  groups: [
    { key: "time", label: "Thời gian và thời lượng sinh hoạt", max: 5 },
    { key: "attendance", label: "Đảng viên dự sinh hoạt", max: 5 },
    { key: "preparation", label: "Công tác chuẩn bị", max: 10 },
    { key: "conduct", label: "Tổ chức sinh hoạt và nội dung", max: 30 },
    { key: "chairing", label: "Điều hành của chủ trì", max: 10 },
    { key: "principles", label: "Nguyên tắc và tính chất sinh hoạt", max: 5 },
    { key: "results", label: "Kết quả thực hiện nghị quyết tháng trước", max: 30 },
    { key: "closing", label: "Kết thúc sinh hoạt", max: 5 },
  ],
  criteria: [
    banded(
      "duration",
      "time",
      "Thời lượng từ 90 phút (từ 120 phút khi có 30 đảng viên trở lên)",
      5,
      DURATION_BANDS,
      { evidence: "duration_minutes", mustFull: true },
    ),
    banded(
      "attendance_rate",
      "attendance",
      "Tỷ lệ đảng viên dự sinh hoạt (không tính đảng viên miễn sinh hoạt, làm nhiệm vụ đặc biệt)",
      4,
      // ≥ 90% 4; 75–< 90% 3; 65–< 75% 2; < 65% or any unexcused absence 1.
      [band(0.9, 4), band(0.75, 3), band(0.65, 2), band(0, 1)],
      {
        evidence: "attendance_rate",
        mustFull: true,
        limit: { when: "unexcused_absence", points: 1 },
      },
    ),
    yesNo(
      "no_long_absence",
      "attendance",
      "Không có đảng viên vắng mặt có lý do quá 3 lần liên tiếp trong năm",
      1,
      { evidence: "long_absence" },
    ),
    judged("content_fit", "preparation", "Nội dung đúng, đủ, có trọng tâm, phù hợp với đơn vị", 3),
    judged(
      "discussion_guide",
      "preparation",
      "Có gợi ý thảo luận và dự thảo kết luận, nghị quyết",
      2,
    ),
    yesNo(
      "committee_before",
      "preparation",
      "Chi ủy (hoặc bí thư, phó bí thư) họp trước, có ghi biên bản (chi bộ chỉ có bí thư: đạt)",
      2,
      { evidence: "committee_meeting_before" },
    ),
    yesNo(
      "notice",
      "preparation",
      "Thông báo thời gian, địa điểm, nội dung đến mọi đảng viên và cấp ủy viên cấp trên được phân công",
      1,
      { evidence: "notice_sent" },
    ),
    yesNo("documents_before", "preparation", "Tài liệu được đăng tải trước ít nhất 1 ngày", 2, {
      evidence: "documents_before",
    }),
    yesNo("steps", "conduct", "Thực hiện đủ các bước theo quy trình", 5, {
      evidence: "agenda_steps_present",
    }),
    judged(
      "regular_content",
      "conduct",
      "Nội dung thường kỳ (tư tưởng, nhiệm vụ chính trị, nhiệm vụ và giải pháp tháng tới)",
      10,
    ),
    judged(
      "thematic_content",
      "conduct",
      "Nội dung chuyên đề (chỉ trong tháng có sinh hoạt chuyên đề)",
      5,
      { onlyWhen: "thematic_month" },
    ),
    judged(
      "praise_criticism",
      "conduct",
      "Biểu dương đảng viên tiêu biểu; nhắc nhở, phê bình đảng viên khi cần",
      2,
    ),
    banded(
      "speakers",
      "conduct",
      "Đảng viên phát biểu ý kiến (tỷ lệ trên số dự)",
      5,
      // > 50% of those present 5; 40–50% 4; 30–40% 3; < 30% 2.
      speakingBands(5, 4, 3, 2),
      { evidence: "speakers_share", mustFull: true },
    ),
    judged("minutes_book", "conduct", "Sổ ghi biên bản đầy đủ", 1, { mustFull: true }),
    judged(
      "ideology_time",
      "conduct",
      "Dành 15–30 phút cho tư tưởng, tự phê bình của đảng viên",
      1,
    ),
    judged("documents_app", "conduct", "Tài liệu được đăng tải trên ứng dụng Sổ tay đảng viên", 1),
    judged("flexible", "chairing", "Chủ trì điều hành linh hoạt, hiệu quả", 2),
    judged(
      "new_issues",
      "chairing",
      "Định hướng thảo luận vào vấn đề mới, những băn khoăn của đảng viên",
      4,
    ),
    judged(
      "atmosphere",
      "chairing",
      "Không khí cởi mở, dân chủ, khuyến khích đảng viên phát biểu",
      3,
    ),
    judged("sums_up", "chairing", "Tổng hợp thành kết luận hoặc nghị quyết", 1),
    judged("democratic_centralism", "principles", "Thực hiện nguyên tắc tập trung dân chủ", 1),
    judged("self_criticism", "principles", "Tự phê bình và phê bình nghiêm túc", 2),
    judged("character", "principles", "Bảo đảm tính lãnh đạo, tính giáo dục, tính chiến đấu", 1),
    judged(
      "informs",
      "principles",
      "Bí thư thông tin cho đảng viên, giải quyết kiến nghị chính đáng",
      1,
    ),
    banded(
      "last_targets",
      "results",
      "Tỷ lệ chỉ tiêu của nghị quyết tháng trước đạt được",
      30,
      // 90–100% 30; 80–< 90% 27; 70–< 80% 24; 60–< 70% 20; 50–< 60% 15; < 50% 10.
      [band(0.9, 30), band(0.8, 27), band(0.7, 24), band(0.6, 20), band(0.5, 15), band(0, 10)],
      { evidence: "last_targets_achieved" },
    ),
    judged("concludes", "closing", "Chủ trì kết luận; thông qua kết luận, nghị quyết", 2),
    yesNo(
      "tasks_assigned",
      "closing",
      "Thông qua biên bản, kết luận; phân công nhiệm vụ cho đảng viên",
      2,
      { evidence: "resolution_with_tasks" },
    ),
    yesNo("documents_after", "closing", "Văn bản cuối cùng được đăng tải trong 2 ngày", 1, {
      evidence: "documents_after",
    }),
  ],
};

/**
 * domain.md: no thematic-meeting sheet was found. Derived by chibo from the ward sheet — the same
 * eight blocks, HD12's thematic order (purpose, the assigned member's draft paper, discussion
 * relating it to the cell and each member, the paper finalised and sent) weighted in. A DEFAULT A
 * PROVINCE SHOULD REPLACE with its own (Nghệ An's 27-QĐ/TU has one whose table was not found).
 * "Last targets" here means the previous thematic meeting's conclusions and members' commitments.
 */
export const HD42_THEMATIC_RUBRIC: Rubric = {
  ...COMMON,
  code: "hd42-thematic-derived",
  name: "Bảng chấm điểm sinh hoạt chuyên đề (mặc định của chibo, suy ra từ mẫu thường kỳ theo HD42)",
  source:
    "Suy ra từ phiếu chấm điểm thường kỳ của một đảng ủy phường (2025) và trình tự sinh hoạt chuyên đề của Hướng dẫn 12-HD/BTCTW; không phải văn bản chính thức — tỉnh cần thay bằng bảng điểm của mình",
  validFrom: HD42_FROM,
  validTo: null,
  meetingKinds: ["thematic"],
  groups: [
    { key: "time", label: "Thời gian và thời lượng sinh hoạt", max: 5 },
    { key: "attendance", label: "Đảng viên dự sinh hoạt", max: 5 },
    { key: "preparation", label: "Chuẩn bị chuyên đề", max: 15 },
    { key: "conduct", label: "Tổ chức sinh hoạt chuyên đề", max: 35 },
    { key: "chairing", label: "Điều hành của chủ trì", max: 10 },
    { key: "principles", label: "Nguyên tắc và tính chất sinh hoạt", max: 5 },
    { key: "results", label: "Kết quả chuyên đề", max: 15 },
    { key: "closing", label: "Kết thúc sinh hoạt", max: 10 },
  ],
  criteria: [
    banded(
      "duration",
      "time",
      "Thời lượng theo quy định (120 phút khi ghép với sinh hoạt thường kỳ)",
      5,
      DURATION_BANDS,
      { evidence: "duration_minutes", mustFull: true },
    ),
    banded(
      "attendance_rate",
      "attendance",
      "Tỷ lệ đảng viên dự sinh hoạt (không tính đảng viên miễn sinh hoạt, làm nhiệm vụ đặc biệt)",
      4,
      [band(0.9, 4), band(0.75, 3), band(0.65, 2), band(0, 1)],
      {
        evidence: "attendance_rate",
        mustFull: true,
        limit: { when: "unexcused_absence", points: 1 },
      },
    ),
    yesNo(
      "no_long_absence",
      "attendance",
      "Không có đảng viên vắng mặt có lý do quá 3 lần liên tiếp trong năm",
      1,
      { evidence: "long_absence" },
    ),
    judged(
      "topic_planned",
      "preparation",
      "Chuyên đề theo kế hoạch năm của chi bộ, phù hợp với đơn vị",
      2,
    ),
    judged("topic_paper", "preparation", "Đảng viên được phân công dự thảo báo cáo chuyên đề", 5),
    yesNo(
      "committee_before",
      "preparation",
      "Chi ủy (hoặc bí thư, phó bí thư) họp trước thống nhất nội dung chuyên đề",
      2,
      { evidence: "committee_meeting_before" },
    ),
    yesNo(
      "notice",
      "preparation",
      "Thông báo thời gian, địa điểm, chuyên đề đến mọi đảng viên và cấp ủy viên cấp trên được phân công",
      2,
      { evidence: "notice_sent" },
    ),
    yesNo(
      "documents_before",
      "preparation",
      "Dự thảo chuyên đề và tài liệu được đăng tải trước ít nhất 1 ngày",
      4,
      { evidence: "documents_before" },
    ),
    yesNo("steps", "conduct", "Thực hiện đủ các bước sinh hoạt chuyên đề", 4, {
      evidence: "agenda_steps_present",
    }),
    judged("purpose_presented", "conduct", "Nêu mục đích; trình bày dự thảo chuyên đề", 4),
    pointsItem(
      "relate_cell",
      "conduct",
      "Thảo luận liên hệ chuyên đề với nhiệm vụ của chi bộ, đơn vị",
      8,
    ),
    pointsItem(
      "relate_members",
      "conduct",
      "Liên hệ với từng đảng viên; đảng viên nêu việc làm, cam kết",
      8,
    ),
    banded(
      "speakers",
      "conduct",
      "Đảng viên phát biểu ý kiến (tỷ lệ trên số dự)",
      8,
      speakingBands(8, 6, 4, 2),
      { evidence: "speakers_share", mustFull: true },
    ),
    judged("minutes_book", "conduct", "Sổ ghi biên bản đầy đủ", 1, { mustFull: true }),
    judged("documents_app", "conduct", "Tài liệu được đăng tải trên ứng dụng Sổ tay đảng viên", 2),
    judged("flexible", "chairing", "Chủ trì điều hành linh hoạt, hiệu quả", 2),
    judged(
      "new_issues",
      "chairing",
      "Định hướng thảo luận vào vấn đề mới, những băn khoăn của đảng viên",
      4,
    ),
    judged(
      "atmosphere",
      "chairing",
      "Không khí cởi mở, dân chủ, khuyến khích đảng viên phát biểu",
      3,
    ),
    judged("sums_up", "chairing", "Tổng hợp thành kết luận chuyên đề", 1),
    judged("democratic_centralism", "principles", "Thực hiện nguyên tắc tập trung dân chủ", 1),
    judged("self_criticism", "principles", "Tự phê bình và phê bình nghiêm túc", 2),
    judged("character", "principles", "Bảo đảm tính lãnh đạo, tính giáo dục, tính chiến đấu", 1),
    judged(
      "informs",
      "principles",
      "Bí thư thông tin cho đảng viên, giải quyết kiến nghị chính đáng",
      1,
    ),
    judged("paper_finalised", "results", "Chuyên đề được hoàn chỉnh và gửi đến đảng viên", 5),
    banded(
      "last_targets",
      "results",
      "Kết quả thực hiện kết luận, cam kết của chuyên đề trước",
      10,
      [band(0.9, 10), band(0.8, 9), band(0.7, 8), band(0.6, 7), band(0.5, 5), band(0, 3)],
      { evidence: "last_targets_achieved" },
    ),
    judged("concludes", "closing", "Chủ trì kết luận; thông qua kết luận chuyên đề", 3),
    yesNo(
      "tasks_assigned",
      "closing",
      "Phân công nhiệm vụ; đảng viên đăng ký việc làm theo chuyên đề",
      4,
      { evidence: "resolution_with_tasks" },
    ),
    yesNo("documents_after", "closing", "Văn bản cuối cùng được đăng tải trong 2 ngày", 3, {
      evidence: "documents_after",
    }),
  ],
};

/**
 * The same derived thematic sheet for HD12's period (HD12 §3.2 gives the thematic order it is built
 * on): without it a thematic meeting held before 28/10/2025 had no sheet to be scored with. Also a
 * DEFAULT A PROVINCE SHOULD REPLACE.
 */
export const HD12_THEMATIC_RUBRIC: Rubric = {
  ...HD42_THEMATIC_RUBRIC,
  code: "hd12-thematic-derived",
  name: "Bảng chấm điểm sinh hoạt chuyên đề theo Hướng dẫn 12-HD/BTCTW (mặc định của chibo)",
  source:
    "Suy ra từ trình tự sinh hoạt chuyên đề của Hướng dẫn 12-HD/BTCTW ngày 06/7/2018 và phiếu chấm điểm thường kỳ của một đảng ủy phường; không phải văn bản chính thức — tỉnh cần thay bằng bảng điểm của mình",
  validFrom: HD12_FROM,
  validTo: HD12_TO,
};

/**
 * domain.md: Nghệ An's and Quảng Trị's point values were not found — "ship a default rubric built
 * on HD12's five groups" (preparation, attendance, conduct, principles, results). Derived by chibo;
 * its 10-point attendance item gives 5 points at 88.9%, the figure domain.md's attendance example
 * quotes.
 */
export const HD12_DEFAULT_RUBRIC: Rubric = {
  ...COMMON,
  code: "hd12-default-regular",
  name: "Bảng chấm điểm sinh hoạt chi bộ thường kỳ theo năm nhóm tiêu chí của HD12 (mặc định của chibo)",
  source:
    "Hướng dẫn 12-HD/BTCTW ngày 06/7/2018 (chuẩn bị, dự họp, tiến hành, nguyên tắc, kết quả); điểm từng tiêu chí do chibo đề xuất — tỉnh cần thay bằng bảng điểm của mình",
  validFrom: HD12_FROM,
  validTo: HD12_TO,
  meetingKinds: ["regular"],
  groups: [
    { key: "preparation", label: "Công tác chuẩn bị", max: 15 },
    { key: "attendance", label: "Đảng viên dự sinh hoạt", max: 15 },
    { key: "conduct", label: "Tiến hành sinh hoạt", max: 30 },
    { key: "principles", label: "Thực hiện nguyên tắc sinh hoạt đảng", max: 10 },
    { key: "results", label: "Kết quả sinh hoạt", max: 30 },
  ],
  criteria: [
    judged(
      "content_prepared",
      "preparation",
      "Bí thư hoặc phó bí thư chuẩn bị nội dung, dự thảo nghị quyết hoặc kết luận",
      4,
    ),
    yesNo(
      "committee_before",
      "preparation",
      "Chi ủy (hoặc bí thư, phó bí thư) họp trước thống nhất nội dung (chi bộ chỉ có bí thư: đạt)",
      4,
      { evidence: "committee_meeting_before" },
    ),
    yesNo(
      "notice",
      "preparation",
      "Thông báo thời gian, địa điểm, nội dung cho đảng viên và cấp ủy viên cấp trên được phân công",
      3,
      { evidence: "notice_sent" },
    ),
    yesNo("documents_before", "preparation", "Tài liệu được gửi trước đến đảng viên", 4, {
      evidence: "documents_before",
    }),
    banded(
      "attendance_rate",
      "attendance",
      "Tỷ lệ đảng viên dự sinh hoạt (không tính đảng viên miễn sinh hoạt, làm nhiệm vụ đặc biệt)",
      10,
      // ≥ 95% 10; ≥ 90% 8; above HD12's 85% 5; ≥ 75% 3; less 1.
      [band(0.95, 10), band(0.9, 8), band(0.85, 5, { above: true }), band(0.75, 3), band(0, 1)],
      { evidence: "attendance_rate", mustFull: true },
    ),
    yesNo("no_unexcused", "attendance", "Không có đảng viên vắng mặt không có lý do", 3, {
      evidence: "unexcused_absences",
    }),
    yesNo(
      "no_long_absence",
      "attendance",
      "Không có đảng viên vắng mặt quá 3 lần liên tiếp trong năm",
      2,
      { evidence: "long_absence" },
    ),
    yesNo("held_on_schedule", "conduct", "Sinh hoạt đúng ngày đã đăng ký", 4, {
      evidence: "held_on_schedule",
    }),
    banded("duration", "conduct", "Thời lượng từ 90 phút", 5, DURATION_BANDS, {
      evidence: "duration_minutes",
      mustFull: true,
    }),
    yesNo("steps", "conduct", "Thực hiện đủ các bước theo trình tự của HD12", 5, {
      evidence: "agenda_steps_present",
    }),
    banded(
      "tasks_reviewed",
      "conduct",
      "Đối chiếu nghị quyết tháng trước với kết quả, từng nhiệm vụ đã giao",
      4,
      [band(0.9, 4), band(0.7, 3), band(0.5, 2), band(0.25, 1)],
      { evidence: "tasks_reviewed" },
    ),
    banded(
      "speakers",
      "conduct",
      "Đảng viên phát biểu ý kiến (tỷ lệ trên số dự)",
      8,
      speakingBands(8, 6, 4, 2),
      { evidence: "speakers_share", mustFull: true },
    ),
    yesNo("minutes", "conduct", "Biên bản ghi đủ ý kiến, được thông qua và ký đúng hạn", 4, {
      evidence: "minutes_signed_in_time",
      mustFull: true,
    }),
    pointsItem("democratic_centralism", "principles", "Thực hiện nguyên tắc tập trung dân chủ", 3),
    pointsItem("self_criticism", "principles", "Tự phê bình và phê bình nghiêm túc", 4),
    pointsItem(
      "informs_orients",
      "principles",
      "Chủ trì thông tin, định hướng; giải quyết kiến nghị của đảng viên",
      3,
    ),
    banded(
      "last_targets",
      "results",
      "Tỷ lệ chỉ tiêu của nghị quyết tháng trước đạt được",
      20,
      [band(0.9, 20), band(0.8, 18), band(0.7, 16), band(0.6, 13), band(0.5, 10), band(0, 6)],
      { evidence: "last_targets_achieved" },
    ),
    yesNo(
      "resolution_with_tasks",
      "results",
      "Nghị quyết, kết luận giao nhiệm vụ cho người cụ thể, có thời hạn",
      6,
      { evidence: "resolution_with_tasks" },
    ),
    judged("resolution_voted", "results", "Nghị quyết, kết luận được biểu quyết thông qua", 4),
  ],
};

/**
 * domain.md: Phú Thọ bloc committee's four blocks — preparation 15, attendance 20, conduct 45,
 * closing 20; levels as above. The blocks' items were not found: chibo derived them from HD12. A
 * DEFAULT A PROVINCE SHOULD REPLACE; listed after the HD12 default, which it therefore does not
 * displace (see rubricFor).
 */
export const PHU_THO_RUBRIC: Rubric = {
  ...COMMON,
  code: "phu-tho-bloc-regular",
  name: "Bảng chấm điểm sinh hoạt chi bộ bốn khối (Đảng ủy Khối, Phú Thọ; tiêu chí chi tiết do chibo suy ra)",
  source:
    "Bảng điểm bốn khối của Đảng ủy Khối tỉnh Phú Thọ (chuẩn bị 15, dự họp 20, tiến hành 45, kết thúc 20); tiêu chí trong từng khối suy ra từ Hướng dẫn 12-HD/BTCTW",
  validFrom: HD12_FROM,
  validTo: HD12_TO,
  meetingKinds: ["regular"],
  groups: [
    { key: "preparation", label: "Chuẩn bị", max: 15 },
    { key: "attendance", label: "Dự họp", max: 20 },
    { key: "conduct", label: "Tiến hành sinh hoạt", max: 45 },
    { key: "closing", label: "Kết thúc", max: 20 },
  ],
  criteria: [
    judged(
      "content_prepared",
      "preparation",
      "Chuẩn bị nội dung, dự thảo nghị quyết hoặc kết luận",
      4,
    ),
    yesNo(
      "committee_before",
      "preparation",
      "Chi ủy (hoặc bí thư, phó bí thư) họp trước thống nhất nội dung",
      4,
      { evidence: "committee_meeting_before" },
    ),
    yesNo(
      "notice",
      "preparation",
      "Thông báo cho đảng viên và cấp ủy viên cấp trên được phân công",
      3,
      { evidence: "notice_sent" },
    ),
    yesNo("documents_before", "preparation", "Tài liệu được gửi trước đến đảng viên", 4, {
      evidence: "documents_before",
    }),
    banded(
      "attendance_rate",
      "attendance",
      "Tỷ lệ đảng viên dự sinh hoạt (không tính đảng viên miễn sinh hoạt, làm nhiệm vụ đặc biệt)",
      14,
      [band(0.95, 14), band(0.9, 12), band(0.85, 10, { above: true }), band(0.75, 6), band(0, 2)],
      { evidence: "attendance_rate", mustFull: true },
    ),
    yesNo("no_unexcused", "attendance", "Không có đảng viên vắng mặt không có lý do", 3, {
      evidence: "unexcused_absences",
    }),
    yesNo(
      "no_long_absence",
      "attendance",
      "Không có đảng viên vắng mặt quá 3 lần liên tiếp trong năm",
      3,
      { evidence: "long_absence" },
    ),
    yesNo("held_on_schedule", "conduct", "Sinh hoạt đúng ngày đã đăng ký", 5, {
      evidence: "held_on_schedule",
    }),
    banded("duration", "conduct", "Thời lượng từ 90 phút", 5, DURATION_BANDS, {
      evidence: "duration_minutes",
      mustFull: true,
    }),
    yesNo("steps", "conduct", "Thực hiện đủ các bước theo trình tự", 5, {
      evidence: "agenda_steps_present",
    }),
    banded(
      "tasks_reviewed",
      "conduct",
      "Đối chiếu nghị quyết tháng trước với kết quả, từng nhiệm vụ đã giao",
      5,
      [band(0.9, 5), band(0.7, 4), band(0.5, 3), band(0.25, 1)],
      { evidence: "tasks_reviewed" },
    ),
    banded(
      "last_targets",
      "conduct",
      "Tỷ lệ chỉ tiêu của nghị quyết tháng trước đạt được",
      10,
      [band(0.9, 10), band(0.8, 9), band(0.7, 8), band(0.6, 6), band(0.5, 5), band(0, 3)],
      { evidence: "last_targets_achieved" },
    ),
    banded(
      "speakers",
      "conduct",
      "Đảng viên phát biểu ý kiến (tỷ lệ trên số dự)",
      8,
      speakingBands(8, 6, 4, 2),
      { evidence: "speakers_share", mustFull: true },
    ),
    pointsItem("self_criticism", "conduct", "Tự phê bình và phê bình nghiêm túc", 4),
    pointsItem("chairing", "conduct", "Chủ trì điều hành, định hướng thảo luận", 3),
    yesNo(
      "resolution_with_tasks",
      "closing",
      "Nghị quyết, kết luận giao nhiệm vụ cho người cụ thể, có thời hạn",
      8,
      { evidence: "resolution_with_tasks" },
    ),
    judged(
      "resolution_voted",
      "closing",
      "Đảng viên góp ý, biểu quyết thông qua nghị quyết, kết luận",
      4,
    ),
    yesNo("minutes", "closing", "Biên bản được thông qua và ký đúng hạn", 4, {
      evidence: "minutes_signed_in_time",
      mustFull: true,
    }),
    judged(
      "upper_level_remarks",
      "closing",
      "Ý kiến của cấp ủy viên cấp trên dự sinh hoạt được tiếp thu",
      4,
    ),
  ],
};

/** Everything chibo ships, in order of preference among equals (see rubricFor). */
export const SHIPPED_RUBRICS: readonly Rubric[] = [
  HD42_WARD_REGULAR_RUBRIC,
  HD42_THEMATIC_RUBRIC,
  HD12_DEFAULT_RUBRIC,
  PHU_THO_RUBRIC,
  HD12_THEMATIC_RUBRIC,
];

/** What rubricFor reads of a rubric; the server may pass its stored rows (with ids) as they are. */
export type RubricApplicability = Pick<
  Rubric,
  "meetingKinds" | "unitTypes" | "validFrom" | "validTo" | "isDefault" | "version"
>;

/**
 * Whether a rubric is in force for a meeting of this kind, unit type and date (both ends
 * inclusive).
 */
export function rubricApplies(
  rubric: RubricApplicability,
  meetingKind: MeetingKind,
  unitType: UnitType | null,
  date: string,
): boolean {
  if (!rubric.meetingKinds.includes(meetingKind)) return false;
  if (rubric.unitTypes !== null && (unitType === null || !rubric.unitTypes.includes(unitType)))
    return false;
  return rubric.validFrom <= date && (rubric.validTo === null || date <= rubric.validTo);
}

/**
 * Issue 5: a meeting is always scored with the rubric in force on its date. Among those in force: a
 * tenant's own before a shipped default, one for the unit's type before one for all types, the
 * latest `validFrom` (a revision in force from a later date), the highest version, then the first
 * listed. A decided score keeps the code and version it was scored with, so a later revision never
 * changes it.
 */
export function rubricFor<R extends RubricApplicability>(
  meetingKind: MeetingKind,
  unitType: UnitType | null,
  date: string,
  rubrics: readonly R[],
): R | null {
  let best: R | null = null;
  for (const r of rubrics) {
    if (!rubricApplies(r, meetingKind, unitType, date)) continue;
    if (best === null || prefer(r, best)) best = r;
  }
  return best;
}

/** Whether `a` is strictly preferred to `b` (ties keep the one listed first). */
function prefer(a: RubricApplicability, b: RubricApplicability): boolean {
  if (a.isDefault !== b.isDefault) return !a.isDefault;
  const aSpecific = a.unitTypes !== null;
  if (aSpecific !== (b.unitTypes !== null)) return aSpecific;
  if (a.validFrom !== b.validFrom) return a.validFrom > b.validFrom;
  return a.version > b.version;
}
