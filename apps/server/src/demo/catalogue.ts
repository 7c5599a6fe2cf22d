// Names for the demo organisation: provincial agencies of Quảng Bình, the offices, departments and
// branches that form their cells, and the people who are members. Realistic, not an official list.

import type { UnitType } from "@chibo/domain";

/** A Quảng Bình district (before the 2025 reorganisation) with its kind, for "huyện Lệ Thủy". */
export interface District {
  name: string;
  kind: "thành phố" | "thị xã" | "huyện";
  communes: readonly string[];
}

export const DISTRICTS: readonly District[] = [
  {
    name: "Đồng Hới",
    kind: "thành phố",
    communes: ["Hải Thành", "Đồng Phú", "Nam Lý", "Bắc Lý", "Đức Ninh", "Bảo Ninh", "Quang Phú"],
  },
  {
    name: "Ba Đồn",
    kind: "thị xã",
    communes: ["Quảng Thọ", "Quảng Thuận", "Quảng Long", "Quảng Hòa", "Quảng Văn"],
  },
  {
    name: "Bố Trạch",
    kind: "huyện",
    communes: ["Hoàn Lão", "Nhân Trạch", "Hải Phú", "Đại Trạch", "Sơn Trạch", "Phúc Trạch"],
  },
  {
    name: "Quảng Trạch",
    kind: "huyện",
    communes: ["Quảng Phương", "Quảng Châu", "Quảng Hợp", "Quảng Xuân", "Quảng Tùng"],
  },
  {
    name: "Quảng Ninh",
    kind: "huyện",
    communes: ["Quán Hàu", "Võ Ninh", "Gia Ninh", "Hàm Ninh", "Lương Ninh", "Vạn Ninh"],
  },
  {
    name: "Lệ Thủy",
    kind: "huyện",
    communes: ["Kiến Giang", "Phong Thủy", "Mỹ Thủy", "Sen Thủy", "Hưng Thủy", "Cam Thủy"],
  },
  {
    name: "Tuyên Hóa",
    kind: "huyện",
    communes: ["Đồng Lê", "Tiến Hóa", "Châu Hóa", "Mai Hóa", "Thạch Hóa"],
  },
  {
    name: "Minh Hóa",
    kind: "huyện",
    communes: ["Quy Đạt", "Hóa Tiến", "Trung Hóa", "Xuân Hóa"],
  },
];

/** Home towns outside the province, for the members who came from neighbouring provinces. */
export const OTHER_HOMETOWNS: readonly string[] = [
  "Kỳ Anh, Hà Tĩnh",
  "Hương Khê, Hà Tĩnh",
  "Cẩm Xuyên, Hà Tĩnh",
  "Vĩnh Linh, Quảng Trị",
  "Gio Linh, Quảng Trị",
  "Quỳnh Lưu, Nghệ An",
  "Phong Điền, Thừa Thiên Huế",
];

/** A group of cells; large organisations turn each into a đảng bộ bộ phận "Đảng bộ bộ phận {name}". */
export interface Section {
  name: string;
  cells: readonly string[];
}

export type ThemeName =
  | "department"
  | "agriculture"
  | "health_admin"
  | "hospital"
  | "university"
  | "political_school"
  | "high_school"
  | "media"
  | "branches"
  | "bank"
  | "enterprise"
  | "park"
  | "judiciary"
  | "association";

export interface Theme {
  sections: readonly Section[];
  /** Share of men among the members. */
  maleShare: number;
  qualifications: readonly string[];
  occupations: readonly string[];
}

const OFFICE_CELLS = [
  "Văn phòng",
  "Phòng Kế hoạch – Tài chính",
  "Thanh tra",
  "Phòng Tổ chức – Hành chính",
  "Phòng Nghiệp vụ",
  "Trung tâm Thông tin",
];

const ADMIN_QUALIFICATIONS = [
  "Cử nhân Luật",
  "Cử nhân Kinh tế",
  "Cử nhân Quản lý nhà nước",
  "Cử nhân Hành chính học",
  "Cử nhân Kế toán",
  "Thạc sĩ Quản lý kinh tế",
  "Thạc sĩ Quản lý công",
  "Kỹ sư Công nghệ thông tin",
];

export const THEMES: Record<ThemeName, Theme> = {
  department: {
    sections: [
      { name: "Khối Văn phòng", cells: OFFICE_CELLS },
      // The organisation's own offices (OrgSpec.cells) fill this section.
      { name: "Khối Chuyên môn", cells: [] },
    ],
    maleShare: 0.55,
    qualifications: ADMIN_QUALIFICATIONS,
    occupations: ["Công chức", "Chuyên viên", "Viên chức"],
  },
  agriculture: {
    sections: [
      {
        name: "Khối Văn phòng Sở",
        cells: [
          "Văn phòng Sở",
          "Phòng Kế hoạch – Tài chính",
          "Thanh tra Sở",
          "Phòng Tổ chức cán bộ",
          "Phòng Quản lý xây dựng công trình",
        ],
      },
      {
        name: "Khối Chi cục",
        cells: [
          "Chi cục Kiểm lâm",
          "Chi cục Thủy lợi",
          "Chi cục Thủy sản",
          "Chi cục Trồng trọt và Bảo vệ thực vật",
          "Chi cục Chăn nuôi và Thú y",
          "Chi cục Phát triển nông thôn",
          "Chi cục Quản lý chất lượng nông lâm sản và thủy sản",
          "Hạt Kiểm lâm Bố Trạch",
          "Hạt Kiểm lâm Minh Hóa",
          "Hạt Kiểm lâm Lệ Thủy",
        ],
      },
      {
        name: "Khối Trung tâm",
        cells: [
          "Trung tâm Khuyến nông",
          "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn",
          "Trung tâm Giống nông nghiệp",
          "Ban Quản lý rừng phòng hộ Lệ Thủy",
          "Ban Quản lý rừng phòng hộ Tuyên Hóa",
          "Ban Quản lý Cảng cá",
        ],
      },
    ],
    maleShare: 0.65,
    qualifications: [
      "Kỹ sư Nông học",
      "Kỹ sư Lâm nghiệp",
      "Kỹ sư Thủy lợi",
      "Kỹ sư Nuôi trồng thủy sản",
      "Bác sĩ Thú y",
      "Cử nhân Kinh tế nông nghiệp",
      "Thạc sĩ Khoa học cây trồng",
      "Thạc sĩ Quản lý tài nguyên rừng",
    ],
    occupations: ["Công chức", "Viên chức", "Kiểm lâm viên", "Kỹ sư"],
  },
  health_admin: {
    sections: [
      {
        name: "Khối Văn phòng Sở",
        cells: [
          "Văn phòng Sở",
          "Phòng Nghiệp vụ Y",
          "Phòng Nghiệp vụ Dược",
          "Phòng Kế hoạch – Tài chính",
          "Thanh tra Sở",
          "Phòng Tổ chức cán bộ",
        ],
      },
      {
        name: "Khối Chi cục",
        cells: ["Chi cục Dân số – Kế hoạch hóa gia đình", "Chi cục An toàn vệ sinh thực phẩm"],
      },
    ],
    maleShare: 0.45,
    qualifications: [
      "Bác sĩ Đa khoa",
      "Thạc sĩ Y tế công cộng",
      "Dược sĩ Đại học",
      "Cử nhân Luật",
      "Cử nhân Kinh tế",
      "Bác sĩ chuyên khoa I",
    ],
    occupations: ["Công chức", "Bác sĩ", "Dược sĩ", "Chuyên viên"],
  },
  hospital: {
    sections: [
      {
        name: "Khối Nội",
        cells: [
          "Khoa Nội tổng hợp",
          "Khoa Tim mạch",
          "Khoa Nhi",
          "Khoa Truyền nhiễm",
          "Khoa Hồi sức tích cực – Chống độc",
          "Khoa Nội tiết",
          "Khoa Thần kinh",
          "Khoa Ung bướu",
          "Khoa Y học cổ truyền",
          "Khoa Thận nhân tạo",
        ],
      },
      {
        name: "Khối Ngoại",
        cells: [
          "Khoa Ngoại tổng hợp",
          "Khoa Chấn thương chỉnh hình",
          "Khoa Phụ sản",
          "Khoa Gây mê hồi sức",
          "Khoa Mắt",
          "Khoa Tai Mũi Họng",
          "Khoa Răng Hàm Mặt",
          "Khoa Cấp cứu",
        ],
      },
      {
        name: "Khối Cận lâm sàng",
        cells: [
          "Khoa Xét nghiệm",
          "Khoa Chẩn đoán hình ảnh",
          "Khoa Dược",
          "Khoa Kiểm soát nhiễm khuẩn",
          "Khoa Dinh dưỡng",
          "Khoa Giải phẫu bệnh",
        ],
      },
      {
        name: "Khối Phòng chức năng",
        cells: [
          "Phòng Kế hoạch tổng hợp",
          "Phòng Tổ chức cán bộ",
          "Phòng Tài chính kế toán",
          "Phòng Điều dưỡng",
          "Phòng Hành chính quản trị",
          "Phòng Vật tư thiết bị y tế",
          "Phòng Quản lý chất lượng",
        ],
      },
    ],
    maleShare: 0.35,
    qualifications: [
      "Bác sĩ Đa khoa",
      "Bác sĩ chuyên khoa I",
      "Bác sĩ chuyên khoa II",
      "Thạc sĩ Y học",
      "Cử nhân Điều dưỡng",
      "Dược sĩ Đại học",
      "Cử nhân Kỹ thuật xét nghiệm y học",
      "Cử nhân Kế toán",
    ],
    occupations: ["Bác sĩ", "Điều dưỡng", "Dược sĩ", "Kỹ thuật viên y", "Viên chức"],
  },
  university: {
    sections: [
      {
        name: "Khối Đào tạo",
        cells: [
          "Khoa Sư phạm",
          "Khoa Kinh tế – Du lịch",
          "Khoa Kỹ thuật – Công nghệ thông tin",
          "Khoa Nông – Lâm – Ngư",
          "Khoa Ngoại ngữ",
          "Khoa Lý luận chính trị",
          "Khoa Khoa học xã hội",
          "Khoa Khoa học tự nhiên",
          "Khoa Giáo dục thể chất",
          "Sinh viên",
        ],
      },
      {
        name: "Khối Phòng ban",
        cells: [
          "Phòng Đào tạo",
          "Phòng Tổ chức – Hành chính",
          "Phòng Kế hoạch – Tài chính",
          "Phòng Công tác sinh viên",
          "Phòng Khoa học – Hợp tác quốc tế",
          "Phòng Khảo thí và Đảm bảo chất lượng",
        ],
      },
      {
        name: "Khối Trung tâm",
        cells: [
          "Trung tâm Thông tin – Thư viện",
          "Trung tâm Ngoại ngữ – Tin học",
          "Trung tâm Giáo dục quốc phòng và an ninh",
          "Trường Thực hành sư phạm",
        ],
      },
    ],
    maleShare: 0.45,
    qualifications: [
      "Thạc sĩ Ngữ văn",
      "Thạc sĩ Toán học",
      "Tiến sĩ Kinh tế",
      "Thạc sĩ Công nghệ thông tin",
      "Thạc sĩ Lý luận và Phương pháp dạy học",
      "Tiến sĩ Khoa học giáo dục",
      "Cử nhân Kế toán",
      "Thạc sĩ Ngôn ngữ Anh",
    ],
    occupations: ["Giảng viên", "Viên chức", "Giảng viên chính"],
  },
  political_school: {
    sections: [
      {
        name: "Khối Giảng dạy",
        cells: [
          "Khoa Lý luận cơ sở",
          "Khoa Xây dựng Đảng",
          "Khoa Nhà nước và Pháp luật",
          "Khoa Dân vận",
          "Khoa Bồi dưỡng cán bộ",
        ],
      },
      {
        name: "Khối Hành chính",
        cells: ["Phòng Tổ chức – Hành chính", "Phòng Đào tạo", "Phòng Quản lý khoa học"],
      },
    ],
    maleShare: 0.45,
    qualifications: [
      "Thạc sĩ Xây dựng Đảng và Chính quyền nhà nước",
      "Cử nhân Chính trị học",
      "Thạc sĩ Triết học",
      "Thạc sĩ Luật",
      "Cử nhân Kế toán",
    ],
    occupations: ["Giảng viên", "Giảng viên chính", "Viên chức"],
  },
  high_school: {
    sections: [
      {
        name: "Khối Chuyên môn",
        cells: [
          "Tổ Toán – Tin",
          "Tổ Ngữ văn",
          "Tổ Ngoại ngữ",
          "Tổ Vật lý – Công nghệ",
          "Tổ Hóa – Sinh",
          "Tổ Lịch sử – Địa lý – Giáo dục công dân",
          "Tổ Thể dục – Quốc phòng",
          "Tổ Văn phòng",
        ],
      },
    ],
    maleShare: 0.4,
    qualifications: [
      "Thạc sĩ Ngữ văn",
      "Thạc sĩ Toán học",
      "Cử nhân Sư phạm Vật lý",
      "Cử nhân Sư phạm Tiếng Anh",
      "Thạc sĩ Hóa học",
    ],
    occupations: ["Giáo viên"],
  },
  media: {
    sections: [
      {
        name: "Khối Nội dung",
        cells: [
          "Ban Thời sự",
          "Ban Biên tập",
          "Ban Chuyên đề",
          "Ban Văn nghệ",
          "Ban Báo điện tử",
          "Ban Bạn đọc",
        ],
      },
      {
        name: "Khối Kỹ thuật – Hành chính",
        cells: [
          "Phòng Kỹ thuật – Công nghệ",
          "Phòng Tổ chức – Hành chính",
          "Phòng Dịch vụ quảng cáo",
        ],
      },
    ],
    maleShare: 0.55,
    qualifications: [
      "Cử nhân Báo chí",
      "Cử nhân Ngữ văn",
      "Thạc sĩ Báo chí học",
      "Kỹ sư Điện tử viễn thông",
      "Cử nhân Kế toán",
    ],
    occupations: ["Phóng viên", "Biên tập viên", "Kỹ thuật viên", "Viên chức"],
  },
  branches: {
    sections: [
      {
        name: "Khối Văn phòng",
        cells: [
          "Văn phòng",
          "Phòng Tổ chức cán bộ",
          "Phòng Kiểm tra nội bộ",
          "Phòng Kế toán",
          "Phòng Nghiệp vụ",
        ],
      },
      // Branch names come from the organisation (OrgSpec.branch) and the districts.
      { name: "Khối các huyện, thị xã, thành phố", cells: [] },
    ],
    maleShare: 0.55,
    qualifications: [
      "Cử nhân Kinh tế",
      "Cử nhân Tài chính – Ngân hàng",
      "Cử nhân Kế toán",
      "Cử nhân Luật",
      "Thạc sĩ Tài chính – Ngân hàng",
      "Thạc sĩ Quản lý kinh tế",
    ],
    occupations: ["Công chức", "Chuyên viên", "Kiểm soát viên"],
  },
  bank: {
    sections: [
      {
        name: "Khối Hội sở",
        cells: [
          "Phòng Khách hàng doanh nghiệp",
          "Phòng Khách hàng cá nhân",
          "Phòng Kế toán – Ngân quỹ",
          "Phòng Tổng hợp",
          "Phòng Quản lý rủi ro",
          "Phòng Hành chính – Nhân sự",
        ],
      },
      { name: "Khối Chi nhánh", cells: [] },
    ],
    maleShare: 0.45,
    qualifications: [
      "Cử nhân Tài chính – Ngân hàng",
      "Cử nhân Kế toán",
      "Thạc sĩ Tài chính – Ngân hàng",
      "Cử nhân Quản trị kinh doanh",
      "Cử nhân Kinh tế",
    ],
    occupations: ["Nhân viên ngân hàng", "Cán bộ tín dụng", "Kế toán viên"],
  },
  enterprise: {
    sections: [
      {
        name: "Khối Cơ quan",
        cells: [
          "Phòng Tổng hợp",
          "Phòng Kỹ thuật",
          "Phòng Kế hoạch – Vật tư",
          "Phòng Tài chính – Kế toán",
          "Phòng Kinh doanh",
          "Phòng Tổ chức – Nhân sự",
        ],
      },
      { name: "Khối Đơn vị trực thuộc", cells: [] },
    ],
    maleShare: 0.7,
    qualifications: [
      "Kỹ sư Điện",
      "Kỹ sư Điện tử viễn thông",
      "Kỹ sư Xây dựng",
      "Cử nhân Quản trị kinh doanh",
      "Cử nhân Kế toán",
      "Thạc sĩ Quản trị kinh doanh",
    ],
    occupations: ["Kỹ sư", "Công nhân kỹ thuật", "Nhân viên", "Kế toán viên"],
  },
  park: {
    sections: [
      {
        name: "Khối Văn phòng",
        cells: [
          "Văn phòng",
          "Phòng Khoa học và Hợp tác quốc tế",
          "Phòng Kế hoạch – Tài chính",
          "Phòng Quản lý, bảo vệ rừng",
        ],
      },
      {
        name: "Khối Trung tâm",
        cells: [
          "Trung tâm Du lịch văn hóa và sinh thái",
          "Trung tâm Cứu hộ, bảo tồn và phát triển sinh vật",
          "Trung tâm Giáo dục môi trường và Dịch vụ",
        ],
      },
      {
        name: "Khối Kiểm lâm",
        cells: [
          "Hạt Kiểm lâm",
          "Trạm Kiểm lâm Trộ Mợng",
          "Trạm Kiểm lâm Cà Roòng",
          "Trạm Kiểm lâm U Bò",
          "Đội Kiểm lâm cơ động",
        ],
      },
    ],
    maleShare: 0.7,
    qualifications: [
      "Kỹ sư Lâm nghiệp",
      "Cử nhân Sinh học",
      "Thạc sĩ Quản lý tài nguyên rừng",
      "Cử nhân Du lịch",
      "Cử nhân Kế toán",
    ],
    occupations: ["Kiểm lâm viên", "Viên chức", "Hướng dẫn viên"],
  },
  judiciary: {
    sections: [
      {
        name: "Khối Nghiệp vụ",
        cells: [
          "Phòng Thực hành quyền công tố án hình sự",
          "Phòng Kiểm sát án dân sự",
          "Tòa Hình sự",
          "Tòa Dân sự",
          "Tòa Hành chính",
        ],
      },
      { name: "Khối Văn phòng", cells: ["Văn phòng", "Phòng Tổ chức cán bộ", "Phòng Thanh tra"] },
    ],
    maleShare: 0.6,
    qualifications: ["Cử nhân Luật", "Thạc sĩ Luật", "Cử nhân Luật kinh tế"],
    occupations: ["Kiểm sát viên", "Thẩm phán", "Thư ký", "Chấp hành viên", "Chuyên viên"],
  },
  association: {
    sections: [
      {
        name: "Khối Cơ quan",
        cells: ["Văn phòng", "Ban Tổ chức – Kiểm tra", "Ban Tuyên truyền", "Ban Chuyên môn"],
      },
    ],
    maleShare: 0.5,
    qualifications: [
      "Cử nhân Xã hội học",
      "Cử nhân Kinh tế",
      "Cử nhân Ngữ văn",
      "Thạc sĩ Quản lý công",
      "Cử nhân Công tác xã hội",
    ],
    occupations: ["Viên chức", "Chuyên viên", "Cán bộ hội"],
  },
};

/**
 * A grassroots organisation in the bloc. `size` 3 marks the large ones (hospital, university, the
 * agriculture department) that get đảng bộ bộ phận; 2 usually a đảng bộ cơ sở; 1 usually a chi bộ cơ sở.
 */
export interface OrgSpec {
  name: string;
  unitType: UnitType;
  theme: ThemeName;
  size: 1 | 2 | 3;
  /** The organisation's own offices: the theme's empty section, or else before its first one. */
  cells?: readonly string[];
  /** Branch name per district: "{d}" → "Lệ Thủy", "{D}" → "huyện Lệ Thủy". */
  branch?: string;
}

export const ORGANISATIONS: readonly OrgSpec[] = [
  {
    name: "Sở Tài chính",
    unitType: "administrative",
    theme: "department",
    size: 2,
    cells: [
      "Phòng Quản lý ngân sách",
      "Phòng Tài chính doanh nghiệp",
      "Phòng Quản lý giá và Công sản",
      "Phòng Tài chính hành chính sự nghiệp",
      "Phòng Tài chính đầu tư",
      "Phòng Tin học và Thống kê",
    ],
  },
  { name: "Sở Tư pháp", unitType: "administrative", theme: "department", size: 1 },
  {
    name: "Bệnh viện Hữu nghị Việt Nam – Cuba Đồng Hới",
    unitType: "public_service",
    theme: "hospital",
    size: 3,
  },
  {
    name: "Sở Y tế",
    unitType: "administrative",
    theme: "health_admin",
    size: 2,
  },
  { name: "Trường Chính trị tỉnh", unitType: "public_service", theme: "political_school", size: 2 },
  {
    name: "Báo Quảng Bình",
    unitType: "public_service",
    theme: "media",
    size: 2,
  },
  {
    name: "Kho bạc Nhà nước Quảng Bình",
    unitType: "administrative",
    theme: "branches",
    size: 2,
    branch: "Kho bạc Nhà nước {d}",
  },
  {
    name: "Cục Thuế tỉnh",
    unitType: "administrative",
    theme: "branches",
    size: 2,
    cells: ["Phòng Thanh tra – Kiểm tra", "Phòng Quản lý hộ kinh doanh, cá nhân và thu khác"],
    branch: "Chi cục Thuế {d}",
  },
  {
    name: "Sở Nông nghiệp và Phát triển nông thôn",
    unitType: "administrative",
    theme: "agriculture",
    size: 3,
  },
  { name: "Thanh tra tỉnh", unitType: "administrative", theme: "department", size: 1 },
  { name: "Trường Đại học Quảng Bình", unitType: "public_service", theme: "university", size: 3 },
  {
    name: "Đài Phát thanh và Truyền hình Quảng Bình",
    unitType: "public_service",
    theme: "media",
    size: 2,
    cells: ["Phòng Thời sự", "Phòng Chuyên đề", "Phòng Văn nghệ – Giải trí"],
  },
  {
    name: "Sở Giáo dục và Đào tạo",
    unitType: "administrative",
    theme: "department",
    size: 2,
    cells: [
      "Phòng Giáo dục Mầm non – Tiểu học",
      "Phòng Giáo dục Trung học",
      "Phòng Khảo thí và Kiểm định chất lượng",
    ],
  },
  { name: "Sở Ngoại vụ", unitType: "administrative", theme: "department", size: 1 },
  {
    name: "Sở Giao thông vận tải",
    unitType: "administrative",
    theme: "department",
    size: 2,
    cells: ["Phòng Quản lý vận tải", "Phòng Quản lý kết cấu hạ tầng giao thông", "Ban Bảo trì"],
  },
  {
    name: "Sở Xây dựng",
    unitType: "administrative",
    theme: "department",
    size: 2,
    cells: ["Phòng Quy hoạch – Kiến trúc", "Phòng Quản lý nhà và thị trường bất động sản"],
  },
  { name: "Sở Du lịch", unitType: "administrative", theme: "department", size: 1 },
  {
    name: "Sở Tài nguyên và Môi trường",
    unitType: "administrative",
    theme: "department",
    size: 2,
    cells: ["Chi cục Bảo vệ môi trường", "Chi cục Biển và Hải đảo", "Phòng Quản lý đất đai"],
  },
  {
    name: "Sở Kế hoạch và Đầu tư",
    unitType: "administrative",
    theme: "department",
    size: 2,
    cells: ["Phòng Đăng ký kinh doanh", "Phòng Tổng hợp – Quy hoạch", "Phòng Kinh tế ngành"],
  },
  { name: "Ban Dân tộc tỉnh", unitType: "administrative", theme: "department", size: 1 },
  {
    name: "Sở Lao động – Thương binh và Xã hội",
    unitType: "administrative",
    theme: "department",
    size: 2,
    cells: [
      "Phòng Người có công",
      "Phòng Bảo trợ xã hội",
      "Trung tâm Bảo trợ xã hội",
      "Trung tâm Dịch vụ việc làm",
    ],
  },
  {
    name: "Sở Văn hóa và Thể thao",
    unitType: "administrative",
    theme: "department",
    size: 2,
    cells: ["Phòng Quản lý văn hóa", "Phòng Quản lý thể dục thể thao", "Phòng Quản lý di sản"],
  },
  {
    name: "Sở Công Thương",
    unitType: "administrative",
    theme: "department",
    size: 2,
    cells: ["Phòng Quản lý thương mại", "Phòng Quản lý công nghiệp", "Phòng Quản lý năng lượng"],
  },
  {
    name: "Liên minh Hợp tác xã tỉnh",
    unitType: "association",
    theme: "association",
    size: 1,
  },
  {
    name: "Sở Nội vụ",
    unitType: "administrative",
    theme: "department",
    size: 2,
    cells: ["Ban Thi đua – Khen thưởng", "Chi cục Văn thư – Lưu trữ", "Ban Tôn giáo"],
  },
  {
    name: "Văn phòng Ủy ban nhân dân tỉnh",
    unitType: "administrative",
    theme: "department",
    size: 2,
    cells: [
      "Phòng Tổng hợp",
      "Phòng Kinh tế",
      "Phòng Khoa giáo – Văn xã",
      "Phòng Nội chính",
      "Phòng Quản trị – Tài vụ",
      "Trung tâm Phục vụ hành chính công",
    ],
  },
  {
    name: "Sở Thông tin và Truyền thông",
    unitType: "administrative",
    theme: "department",
    size: 1,
  },
  {
    name: "Bảo hiểm xã hội tỉnh",
    unitType: "administrative",
    theme: "branches",
    size: 2,
    cells: ["Phòng Thu – Sổ, thẻ", "Phòng Chế độ bảo hiểm xã hội", "Phòng Giám định bảo hiểm y tế"],
    branch: "Bảo hiểm xã hội {D}",
  },
  {
    name: "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
    unitType: "administrative",
    theme: "department",
    size: 1,
  },
  {
    name: "Sở Khoa học và Công nghệ",
    unitType: "administrative",
    theme: "department",
    size: 2,
    cells: ["Chi cục Tiêu chuẩn Đo lường Chất lượng", "Trung tâm Ứng dụng tiến bộ khoa học"],
  },
  {
    name: "Cục Hải quan Quảng Bình",
    unitType: "administrative",
    theme: "branches",
    size: 2,
    cells: ["Chi cục Hải quan cửa khẩu Cha Lo", "Chi cục Hải quan cửa khẩu cảng Hòn La"],
  },
  {
    name: "Ngân hàng Nhà nước Chi nhánh tỉnh Quảng Bình",
    unitType: "administrative",
    theme: "bank",
    size: 1,
  },
  {
    name: "Cục Thống kê tỉnh",
    unitType: "administrative",
    theme: "branches",
    size: 2,
    branch: "Chi cục Thống kê {d}",
  },
  {
    name: "Ngân hàng Chính sách xã hội Chi nhánh tỉnh Quảng Bình",
    unitType: "public_service",
    theme: "bank",
    size: 2,
    branch: "Phòng giao dịch {D}",
  },
  {
    name: "Ngân hàng Nông nghiệp và Phát triển nông thôn Chi nhánh tỉnh Quảng Bình",
    unitType: "state_enterprise",
    theme: "bank",
    size: 2,
    branch: "Chi nhánh {D}",
  },
  { name: "Hội Chữ thập đỏ tỉnh", unitType: "association", theme: "association", size: 1 },
  {
    name: "Ngân hàng TMCP Ngoại thương Việt Nam – Chi nhánh Quảng Bình",
    unitType: "state_enterprise",
    theme: "bank",
    size: 2,
    branch: "Phòng giao dịch {d}",
  },
  {
    name: "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam – Chi nhánh Quảng Bình",
    unitType: "state_enterprise",
    theme: "bank",
    size: 2,
    branch: "Phòng giao dịch {d}",
  },
  {
    name: "Ngân hàng TMCP Công Thương Việt Nam – Chi nhánh Quảng Bình",
    unitType: "state_enterprise",
    theme: "bank",
    size: 2,
    branch: "Phòng giao dịch {d}",
  },
  {
    name: "Công ty Điện lực Quảng Bình",
    unitType: "state_enterprise",
    theme: "enterprise",
    size: 2,
    branch: "Điện lực {d}",
  },
  {
    name: "Hội Văn học Nghệ thuật tỉnh",
    unitType: "association",
    theme: "association",
    size: 1,
  },
  {
    name: "Viễn thông Quảng Bình",
    unitType: "state_enterprise",
    theme: "enterprise",
    size: 2,
    branch: "Trung tâm Viễn thông {d}",
  },
  {
    name: "Bưu điện tỉnh Quảng Bình",
    unitType: "state_enterprise",
    theme: "enterprise",
    size: 2,
    branch: "Bưu điện {D}",
  },
  {
    name: "Vườn quốc gia Phong Nha – Kẻ Bàng",
    unitType: "public_service",
    theme: "park",
    size: 2,
  },
  {
    name: "Trung tâm Kiểm soát bệnh tật tỉnh",
    unitType: "public_service",
    theme: "health_admin",
    size: 2,
    cells: [
      "Khoa Phòng chống bệnh truyền nhiễm",
      "Khoa Xét nghiệm",
      "Khoa Sức khỏe sinh sản",
      "Khoa Dinh dưỡng",
    ],
  },
  {
    name: "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
    unitType: "association",
    theme: "association",
    size: 1,
  },
  {
    name: "Trường Cao đẳng Kỹ thuật Công nghệ Quảng Bình",
    unitType: "public_service",
    theme: "university",
    size: 2,
  },
  {
    name: "Bệnh viện Y dược cổ truyền tỉnh",
    unitType: "public_service",
    theme: "hospital",
    size: 2,
  },
  {
    name: "Ban Quản lý Khu kinh tế tỉnh",
    unitType: "administrative",
    theme: "department",
    size: 1,
  },
  {
    name: "Viện Kiểm sát nhân dân tỉnh",
    unitType: "administrative",
    theme: "judiciary",
    size: 2,
  },
  {
    name: "Bệnh viện Phục hồi chức năng tỉnh",
    unitType: "public_service",
    theme: "hospital",
    size: 1,
  },
  {
    name: "Tòa án nhân dân tỉnh",
    unitType: "administrative",
    theme: "judiciary",
    size: 2,
  },
  {
    name: "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh",
    unitType: "public_service",
    theme: "department",
    size: 1,
  },
  {
    name: "Cục Thi hành án dân sự tỉnh",
    unitType: "administrative",
    theme: "branches",
    size: 2,
    branch: "Chi cục Thi hành án dân sự {D}",
  },
  { name: "Bệnh viện Tâm thần tỉnh", unitType: "public_service", theme: "hospital", size: 1 },
  {
    name: "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh",
    unitType: "public_service",
    theme: "department",
    size: 1,
  },
  {
    name: "Văn phòng Đăng ký đất đai tỉnh",
    unitType: "public_service",
    theme: "branches",
    size: 2,
    branch: "Chi nhánh {D}",
  },
  {
    name: "Bệnh viện Lao và Bệnh phổi tỉnh",
    unitType: "public_service",
    theme: "hospital",
    size: 1,
  },
  {
    name: "Quỹ Đầu tư phát triển tỉnh",
    unitType: "public_service",
    theme: "bank",
    size: 1,
  },
  {
    name: "Công ty TNHH MTV Xổ số kiến thiết Quảng Bình",
    unitType: "state_enterprise",
    theme: "enterprise",
    size: 1,
  },
  {
    name: "Trường Trung học phổ thông chuyên Võ Nguyên Giáp",
    unitType: "public_service",
    theme: "high_school",
    size: 2,
  },
  {
    name: "Công ty TNHH MTV Lâm công nghiệp Long Đại",
    unitType: "state_enterprise",
    theme: "enterprise",
    size: 1,
  },
  {
    name: "Công ty Cổ phần Cấp nước Quảng Bình",
    unitType: "state_enterprise",
    theme: "enterprise",
    size: 2,
    branch: "Xí nghiệp cấp nước {d}",
  },
  { name: "Bảo tàng tổng hợp tỉnh", unitType: "public_service", theme: "association", size: 1 },
  {
    name: "Công ty Cổ phần Môi trường và Phát triển đô thị Quảng Bình",
    unitType: "private_enterprise",
    theme: "enterprise",
    size: 2,
    cells: ["Đội Vệ sinh môi trường số 1", "Đội Vệ sinh môi trường số 2", "Đội Công viên cây xanh"],
  },
  { name: "Thư viện tỉnh", unitType: "public_service", theme: "association", size: 1 },
  {
    name: "Trung tâm Phát triển quỹ đất tỉnh",
    unitType: "public_service",
    theme: "department",
    size: 1,
  },
  {
    name: "Bệnh viện Mắt tỉnh",
    unitType: "public_service",
    theme: "hospital",
    size: 1,
  },
  {
    name: "Trung tâm Công nghệ thông tin tỉnh",
    unitType: "public_service",
    theme: "department",
    size: 1,
  },
  {
    name: "Trung tâm Xúc tiến đầu tư và Thương mại",
    unitType: "public_service",
    theme: "department",
    size: 1,
  },
];

/** Extra agencies for organisations larger than the catalogue: "Trung tâm …", "Ban Quản lý …". */
export const EXTRA_ORGANISATIONS: readonly OrgSpec[] = [
  "Trung tâm Quan trắc tài nguyên và môi trường",
  "Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng",
  "Trung tâm Trợ giúp pháp lý nhà nước",
  "Trung tâm Dịch vụ đấu giá tài sản",
  "Trung tâm Kiểm định chất lượng công trình xây dựng",
  "Trung tâm Huấn luyện và Thi đấu thể dục thể thao",
  "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp",
  "Trung tâm Đăng kiểm phương tiện giao thông",
  "Trung tâm Nuôi dưỡng người có công",
  "Trung tâm Văn hóa tỉnh",
  "Ban Quản lý Di tích tỉnh",
  "Quỹ Bảo vệ và Phát triển rừng",
  "Trường Phổ thông dân tộc nội trú tỉnh",
  "Đoàn Nghệ thuật truyền thống tỉnh",
].map((name) => ({
  name,
  unitType: "public_service" as const,
  theme: "department" as const,
  size: 1,
}));

export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ["Nguyễn", 30],
  ["Lê", 12],
  ["Trần", 10],
  ["Hoàng", 7],
  ["Võ", 6],
  ["Phạm", 5],
  ["Phan", 5],
  ["Hồ", 4],
  ["Đặng", 2],
  ["Bùi", 2],
  ["Đỗ", 2],
  ["Ngô", 2],
  ["Đinh", 2],
  ["Trương", 2],
  ["Dương", 1.5],
  ["Mai", 1.5],
  ["Cao", 1],
  ["Đoàn", 1],
  ["Lương", 1],
  ["Hà", 1],
  ["Lý", 0.5],
  ["Thái", 0.5],
];

export const MALE_MIDDLE_NAMES: readonly (readonly [string, number])[] = [
  ["Văn", 30],
  ["Đức", 6],
  ["Quang", 6],
  ["Minh", 6],
  ["Hữu", 5],
  ["Xuân", 5],
  ["Công", 4],
  ["Thanh", 4],
  ["Trọng", 3],
  ["Đình", 4],
  ["Ngọc", 3],
  ["Tiến", 3],
  ["Viết", 2],
  ["Duy", 2],
  ["Thành", 2],
  ["Mạnh", 2],
  ["Anh", 2],
];

export const FEMALE_MIDDLE_NAMES: readonly (readonly [string, number])[] = [
  ["Thị", 45],
  ["Ngọc", 5],
  ["Thu", 5],
  ["Thanh", 5],
  ["Hồng", 4],
  ["Minh", 3],
  ["Phương", 3],
  ["Thùy", 3],
  ["Kim", 2],
  ["Diệu", 2],
  ["Hoài", 2],
  ["Khánh", 2],
  ["Mỹ", 2],
];

/** A second middle word after "Thị" (Nguyễn Thị Thu Hà). */
export const FEMALE_SECOND_MIDDLE: readonly string[] = [
  "Thu",
  "Thanh",
  "Hồng",
  "Minh",
  "Kim",
  "Ngọc",
  "Phương",
  "Hoài",
];

export const MALE_GIVEN_NAMES: readonly string[] = [
  "An",
  "Anh",
  "Bảo",
  "Bình",
  "Chiến",
  "Chung",
  "Công",
  "Cường",
  "Dũng",
  "Duy",
  "Đạt",
  "Điệp",
  "Định",
  "Đông",
  "Đức",
  "Giang",
  "Hải",
  "Hào",
  "Hiếu",
  "Hòa",
  "Hoàng",
  "Hùng",
  "Hưng",
  "Huy",
  "Khánh",
  "Khoa",
  "Kiên",
  "Lâm",
  "Lộc",
  "Long",
  "Lợi",
  "Luận",
  "Mạnh",
  "Minh",
  "Nam",
  "Nghĩa",
  "Nhật",
  "Phong",
  "Phú",
  "Phúc",
  "Quang",
  "Quân",
  "Quý",
  "Sơn",
  "Tài",
  "Tâm",
  "Tân",
  "Thái",
  "Thắng",
  "Thành",
  "Thiện",
  "Thịnh",
  "Thuận",
  "Tiến",
  "Toàn",
  "Trí",
  "Trung",
  "Trường",
  "Tuấn",
  "Tùng",
  "Việt",
  "Vinh",
  "Vũ",
  "Vương",
];

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  "An",
  "Anh",
  "Bích",
  "Châu",
  "Chi",
  "Dung",
  "Duyên",
  "Giang",
  "Hà",
  "Hằng",
  "Hạnh",
  "Hậu",
  "Hiền",
  "Hoa",
  "Hòa",
  "Huệ",
  "Hương",
  "Hường",
  "Huyền",
  "Lan",
  "Lệ",
  "Liên",
  "Linh",
  "Loan",
  "Lý",
  "Mai",
  "My",
  "Nga",
  "Ngân",
  "Nhàn",
  "Nhung",
  "Oanh",
  "Phương",
  "Quyên",
  "Quỳnh",
  "Tâm",
  "Thảo",
  "Thơ",
  "Thủy",
  "Thúy",
  "Trang",
  "Trâm",
  "Uyên",
  "Vân",
  "Xuân",
  "Yến",
];

/** Reasons for miễn công tác và sinh hoạt đảng used in the demo. */
export const EXEMPTION_REASONS = {
  age: "Tuổi cao, sức yếu",
  illness: "Ốm đau dài ngày",
} as const;

/** Where members who left were transferred to. */
export const TRANSFER_DESTINATIONS: readonly string[] = [
  "Đảng bộ thành phố Đồng Hới",
  "Đảng bộ huyện Bố Trạch",
  "Đảng bộ huyện Lệ Thủy",
  "Đảng bộ tỉnh Hà Tĩnh",
  "Đảng bộ tỉnh Quảng Trị",
  "Đảng bộ Khối các cơ quan Trung ương",
];
