// Vietnamese texts of the demo's meetings: postponement and absence reasons, thematic topics by HD12's
// topic groups, forum themes and the titles of upper-level attendees.

/** Reasons cells give when they report a postponement (seed 000: reason and new date). */
export const POSTPONEMENT_REASONS: readonly (readonly [string, number])[] = [
  ["Trùng lịch họp của Đảng ủy cấp trên", 14],
  ["Bí thư chi bộ đi công tác", 14],
  ["Mưa bão, giao thông chia cắt", 6],
  ["Tổ chức hội nghị cán bộ, công chức, viên chức", 8],
  ["Trùng lịch kiểm tra, giám sát của cấp trên", 7],
  ["Tập trung phục vụ kỳ họp Hội đồng nhân dân tỉnh", 5],
  ["Nhiều đảng viên đi tập huấn, bồi dưỡng nghiệp vụ", 6],
  ["Trùng lịch làm việc với đoàn công tác của Trung ương", 4],
  ["Tập trung phòng, chống lụt bão", 4],
  ["Ngày sinh hoạt trùng ngày nghỉ cuối tuần", 8],
];

/** Rainy-season months in Quảng Bình, when floods cut the roads (September–November). */
export const STORM_MONTHS: ReadonlySet<number> = new Set([9, 10, 11]);

/** Reasons recorded for an excused absence (HD12: absentees are announced with their reasons). */
export const ABSENCE_REASONS: readonly (readonly [string, number])[] = [
  ["Đi công tác", 30],
  ["Ốm", 18],
  ["Việc gia đình", 16],
  ["Đi học tập trung", 8],
  ["Con ốm", 6],
  ["Nghỉ phép", 6],
  ["Trực cơ quan", 5],
  ["Đi điều trị tại bệnh viện", 4],
];

/** Reasons for a long run of excused absences. */
export const LONG_ABSENCE_REASONS: readonly string[] = [
  "Đi học tập trung lớp Cao cấp lý luận chính trị",
  "Điều trị bệnh dài ngày",
  "Biệt phái công tác tại huyện",
];

export const MATERNITY_REASON = "Nghỉ thai sản";

/** A thematic topic; `from` limits it to the years after the text it implements was issued. */
export interface TopicSpec {
  title: string;
  from?: number;
}

/**
 * HD12's topic groups: following Hồ Chí Minh's ideology, ethics and style; raising members' capacity;
 * carrying out Party and State decisions; preventing degradation; building the Party and the unit.
 */
export const THEMATIC_TOPICS: readonly (readonly TopicSpec[])[] = [
  [
    {
      title:
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tinh thần trách nhiệm, nêu gương của cán bộ, đảng viên",
    },
    {
      title:
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về cần, kiệm, liêm, chính, chí công vô tư",
    },
    {
      title:
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về phong cách làm việc khoa học, sâu sát cơ sở",
    },
    {
      title:
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng khối đoàn kết thống nhất trong Đảng",
    },
    { title: "Học tập và làm theo tư tưởng Hồ Chí Minh về “dân là gốc”, gần dân, trọng dân" },
  ],
  [
    {
      title:
        "Nâng cao chất lượng phục vụ nhân dân, doanh nghiệp trong giải quyết thủ tục hành chính",
    },
    { title: "Nâng cao năng lực chuyên môn, nghiệp vụ của đảng viên đáp ứng yêu cầu nhiệm vụ mới" },
    { title: "Đẩy mạnh ứng dụng công nghệ thông tin và chuyển đổi số trong hoạt động của cơ quan" },
    { title: "Nâng cao bản lĩnh chính trị, năng lực lãnh đạo và sức chiến đấu của chi bộ" },
  ],
  [
    { title: "Quán triệt, triển khai Nghị quyết Đại hội Đảng bộ cấp trên tại cơ quan, đơn vị" },
    { title: "Thực hiện Quy định 08-QĐi/TW về trách nhiệm nêu gương của cán bộ, đảng viên" },
    {
      title:
        "Thực hiện Quy định 144-QĐ/TW về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới",
      from: 2024,
    },
    {
      title:
        "Thực hiện Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
      from: 2025,
    },
    {
      title: "Thực hiện Chỉ thị 50-CT/TW về nâng cao chất lượng sinh hoạt chi bộ",
      from: 2026,
    },
    { title: "Thực hiện sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả" },
  ],
  [
    {
      title:
        "Phòng, chống suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa” trong nội bộ",
    },
    {
      title:
        "Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng",
    },
    {
      title:
        "Khắc phục tình trạng né tránh, đùn đẩy, sợ trách nhiệm trong thực thi công vụ của cán bộ, đảng viên",
    },
  ],
  [
    { title: "Xây dựng chi bộ trong sạch, vững mạnh gắn với xây dựng cơ quan, đơn vị vững mạnh" },
    { title: "Phòng, chống tham nhũng, lãng phí, tiêu cực trong cơ quan, đơn vị" },
    { title: "Thực hành tiết kiệm, chống lãng phí trong quản lý, sử dụng tài sản công" },
    {
      title:
        "Nâng cao chất lượng sinh hoạt chi bộ, phát huy vai trò tiền phong, gương mẫu của đảng viên",
    },
    { title: "Xây dựng văn hóa công sở, đạo đức công vụ trong cơ quan, đơn vị" },
  ],
];

/** Forum themes (seed 002: one or two forums a year). */
export const FORUM_TOPICS: readonly string[] = [
  "Diễn đàn “Đảng viên nói đi đôi với làm”",
  "Diễn đàn “Chi bộ với công tác cải cách hành chính”",
  "Diễn đàn “Cán bộ, đảng viên với văn hóa công sở”",
  "Diễn đàn “Phát huy vai trò nêu gương của người đứng đầu”",
  "Diễn đàn “Đảng viên trẻ với chuyển đổi số”",
  "Diễn đàn “Nói không với tiêu cực trong thực thi công vụ”",
  "Diễn đàn “Lắng nghe ý kiến quần chúng”",
  "Diễn đàn “Đảng viên với công tác dân vận”",
];

/** Titles of the bloc committee's members and staff who attend cells' meetings (dự sinh hoạt). */
export const BLOC_GUEST_TITLES: readonly string[] = [
  "Ủy viên Ban Thường vụ Đảng ủy Khối",
  "Đảng ủy viên Đảng ủy Khối, Phó Trưởng Ban Tổ chức",
  "Chuyên viên Ban Tổ chức Đảng ủy Khối",
  "Chuyên viên Ban Tuyên giáo Đảng ủy Khối",
  "Chuyên viên Ủy ban Kiểm tra Đảng ủy Khối",
  "Chuyên viên Văn phòng Đảng ủy Khối",
];

/** The jobs that go with "Đảng ủy viên" for a grassroots committee's members. */
export const COMMITTEE_GUEST_JOBS: readonly string[] = [
  "Phó Giám đốc",
  "Chánh Văn phòng",
  "Phó Chánh Văn phòng",
  "Trưởng phòng Tổ chức – Hành chính",
  "Chủ tịch Công đoàn cơ sở",
  "Trưởng phòng Kế hoạch – Tài chính",
];

/** People a cell invites to a forum. */
export const INVITED_GUEST_TITLES: readonly string[] = [
  "Chủ tịch Công đoàn cơ sở",
  "Bí thư Chi đoàn Thanh niên",
  "Chi hội trưởng Chi hội Cựu chiến binh",
];
