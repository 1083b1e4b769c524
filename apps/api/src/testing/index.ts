export {
  createTestApp,
  loginAs,
  loginAsStudent,
  type TestApp,
  type TestAppOptions,
  type TestClock,
  type TestSession,
  testClock,
} from './app.ts';
export { json } from './json.ts';
export { REPO_PLUGINS_DIR, testPluginCatalog } from './plugins.ts';
export {
  seedTestWorld,
  TEST_ACCOUNTS,
  TEST_PASSWORD,
  type TestCollege,
  type TestSchool,
  type TestWorld,
} from './world.ts';
