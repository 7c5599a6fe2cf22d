/** GET /api/v1/members/import/template: the empty workbook to fill in (a plain link). */
export const importTemplateUrl = "/api/v1/members/import/template";
