// Words of the demo's minutes: what members say, what resolutions ask, why a task was not done.
// Plain sentences in the register of a cell's minutes book.

export const OPINIONS: readonly string[] = [
  "Thống nhất với báo cáo của chi ủy; đề nghị bổ sung chỉ tiêu cụ thể cho từng tổ công tác.",
  "Nhiệm vụ tháng trước cơ bản hoàn thành, nhưng việc cập nhật hồ sơ còn chậm, đề nghị giao rõ người phụ trách.",
  "Đề nghị chi bộ quan tâm hơn đến việc bồi dưỡng quần chúng ưu tú, tạo nguồn phát triển đảng viên.",
  "Bản thân tôi tự nhận thấy còn chậm trong việc nộp báo cáo; tháng tới sẽ khắc phục.",
  "Đề nghị chi ủy phân công đảng viên trẻ tham gia hướng dẫn ứng dụng chuyển đổi số cho cơ quan.",
  "Việc thực hành tiết kiệm chống lãng phí cần có việc làm cụ thể: tắt điện, điều hòa khi ra khỏi phòng.",
  "Tôi đề nghị đưa nội dung học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh vào từng nhiệm vụ chuyên môn.",
  "Một số đảng viên còn ngại phát biểu; đề nghị chi ủy gợi ý vấn đề trước để mọi người chuẩn bị ý kiến.",
  "Thống nhất với dự thảo nghị quyết; đề nghị ghi rõ thời hạn hoàn thành từng việc.",
  "Đề nghị làm rõ nguyên nhân chậm tiến độ của nhiệm vụ được giao tháng trước trước khi giao việc mới.",
  "Tình hình tư tưởng đảng viên ổn định; có ý kiến băn khoăn về sắp xếp tổ chức bộ máy, đề nghị chi ủy thông tin kịp thời.",
  "Đề nghị chi bộ biểu dương đồng chí đã hoàn thành xuất sắc nhiệm vụ trong đợt cao điểm vừa qua.",
  "Tôi xin nhận khuyết điểm chưa tham gia đầy đủ sinh hoạt đoàn thể; sẽ khắc phục trong tháng tới.",
  "Đề nghị tăng cường phối hợp với công đoàn và đoàn thanh niên trong các phong trào thi đua.",
  "Cần theo dõi, nhắc nhở việc đóng đảng phí đúng kỳ, nhất là đảng viên thường xuyên đi công tác.",
  "Đề nghị chi ủy sớm triển khai kế hoạch sinh hoạt chuyên đề quý tới và phân công người chuẩn bị.",
  "Thống nhất cao với nội dung chuyên đề; liên hệ bản thân, tôi cần gương mẫu hơn trong giữ gìn kỷ luật giờ giấc.",
  "Đề nghị bổ sung vào nghị quyết nội dung cải cách hành chính, rút ngắn thời gian xử lý hồ sơ.",
  "Chuyên đề thiết thực; đề nghị chi bộ đưa các giải pháp vào cam kết tu dưỡng, rèn luyện của từng đảng viên.",
  "Báo cáo đã phản ánh đúng tình hình; tuy nhiên phần đánh giá hạn chế còn chung chung.",
];

export const TASKS: readonly string[] = [
  "Hoàn thành báo cáo chuyên môn quý và gửi đúng hạn",
  "Rà soát, cập nhật hồ sơ đảng viên và sổ theo dõi đảng phí",
  "Tổ chức học tập, quán triệt nghị quyết mới của cấp trên",
  "Hướng dẫn quần chúng ưu tú hoàn thiện hồ sơ kết nạp",
  "Triển khai ứng dụng Sổ tay đảng viên điện tử cho toàn chi bộ",
  "Kiểm tra việc thực hành tiết kiệm, chống lãng phí tại cơ quan",
  "Chuẩn bị dự thảo chuyên đề sinh hoạt quý tới",
  "Phối hợp công đoàn tổ chức phong trào thi đua cuối năm",
  "Nắm tình hình tư tưởng đảng viên, người lao động và báo cáo chi ủy",
  "Hoàn thiện quy chế làm việc của chi bộ",
  "Đôn đốc đảng viên đóng đảng phí đúng kỳ",
  "Cập nhật kết quả thực hiện cam kết tu dưỡng, rèn luyện",
];

export const TASK_BODIES: readonly string[] = ["Chi ủy", "Tổ đảng số 1", "Đảng viên trong chi bộ"];

export const NOT_DONE_CAUSES: readonly string[] = [
  "Chờ hướng dẫn của cấp trên",
  "Đồng chí phụ trách đi công tác dài ngày",
  "Khối lượng công việc chuyên môn dồn vào cuối quý",
  "Chưa bố trí được kinh phí",
];

export const PROGRESS_NOTES: readonly string[] = [
  "Đã xong phần dự thảo, đang xin ý kiến",
  "Đã hoàn thành khoảng một nửa",
  "Đang phối hợp với các bộ phận liên quan",
  "Đã triển khai, dự kiến xong đúng hạn",
];

export const ASSIGNMENTS: readonly string[] = [
  "Phụ trách công tác văn phòng của chi bộ; theo dõi, tổng hợp báo cáo hằng tháng.",
  "Tham gia Ban Chấp hành công đoàn; vận động đoàn viên thực hiện tốt phong trào thi đua.",
  "Giúp đỡ, bồi dưỡng một quần chúng ưu tú phấn đấu vào Đảng.",
  "Phụ trách công tác thanh niên; phối hợp tổ chức các hoạt động tình nguyện.",
  "Giữ mối liên hệ với chi ủy nơi cư trú; tham gia sinh hoạt tại địa phương theo quy định.",
  "Phụ trách ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của chi bộ.",
  "Theo dõi, đôn đốc thu nộp đảng phí và cập nhật sổ đảng phí.",
];

export const COMMITMENTS: readonly string[] = [
  "Giữ gìn phẩm chất chính trị, đạo đức, lối sống; hoàn thành tốt nhiệm vụ chuyên môn; tham gia đầy đủ sinh hoạt chi bộ.",
  "Gương mẫu chấp hành kỷ luật, kỷ cương hành chính; không ngừng học tập nâng cao trình độ; tích cực phát biểu xây dựng chi bộ.",
  "Thực hiện tốt việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; nói đi đôi với làm.",
  "Hoàn thành nhiệm vụ được giao đúng tiến độ; giữ mối liên hệ mật thiết với nhân dân nơi cư trú.",
];
