// Shared limits, checked by the contract on both server and web.
export const LIMITS = {
  name: 120,
  shortText: 200,
  longText: 2000,
  code: 40,
  cardNumber: 20,
  username: 60,
  passwordMin: 10,
  passwordMax: 200,
  pageSizeDefault: 50,
  pageSizeMax: 200,
  importRowsMax: 20_000,
  importFileBytes: 10 * 1024 * 1024,
} as const;
