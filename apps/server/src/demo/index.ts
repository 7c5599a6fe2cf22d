export {
  DEMO_DEFAULT_SIZE,
  DEMO_LOGINS,
  DEMO_ROOT_CODE,
  DEMO_ROOT_NAME,
  DEMO_TENANT_CODE,
  DEMO_TENANT_NAME,
  describeDemoLogins,
  generateOrganisation,
} from "./generate.js";
export type {
  DemoExemption,
  DemoGrant,
  DemoLogin,
  DemoMember,
  DemoMemberEvent,
  DemoMembership,
  DemoOrganisation,
  DemoPosition,
  DemoTenant,
  DemoUnit,
  DemoUser,
  DemoUsername,
  GenerateOptions,
} from "./generate.js";
export { DEMO_MEETING_MONTHS, generateMeetings, onRosterOn } from "./meetings.js";
export type {
  DemoAttendance,
  DemoGuest,
  DemoMeeting,
  DemoMeetingData,
  DemoPostponement,
  DemoThematicPlan,
  DemoThematicTopic,
} from "./meetings.js";
export { DEMO_SEED, seedDemoTenant } from "./seed.js";
export type { SeedDemoOptions, SeedDemoResult } from "./seed.js";
