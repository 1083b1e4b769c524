import { describe, expect, it } from 'vitest';
import { configFromEnv, defaultConfig } from './context.ts';

describe('context/configFromEnv', () => {
  it('defaults to 30 minutes idle, 12 hours absolute, Secure cookies', () => {
    expect(configFromEnv({})).toEqual(defaultConfig);
    expect(defaultConfig).toMatchObject({
      sessionIdleMs: 1_800_000,
      sessionAbsoluteMs: 43_200_000,
      secureCookies: true,
    });
  });

  it('reads timeouts in minutes and ignores nonsense', () => {
    const config = configFromEnv({
      XINQIAO_SESSION_IDLE_MINUTES: '15',
      XINQIAO_SESSION_ABSOLUTE_MINUTES: 'soon',
    });
    expect(config.sessionIdleMs).toBe(900_000);
    expect(config.sessionAbsoluteMs).toBe(defaultConfig.sessionAbsoluteMs);
  });

  it('drops Secure only in development and tests, or when told to', () => {
    expect(configFromEnv({ NODE_ENV: 'production' }).secureCookies).toBe(true);
    expect(configFromEnv({ NODE_ENV: 'development' }).secureCookies).toBe(false);
    expect(configFromEnv({ XINQIAO_SECURE_COOKIES: '0' }).secureCookies).toBe(false);
    expect(configFromEnv({ NODE_ENV: 'development', XINQIAO_SECURE_COOKIES: '1' }).secureCookies).toBe(true);
  });

  it('reads the proxy trust and extra origins', () => {
    const config = configFromEnv({
      XINQIAO_TRUST_PROXY: '1',
      XINQIAO_ALLOWED_ORIGINS: 'http://localhost:5173, https://a.b',
    });
    expect(config.trustProxy).toBe(true);
    expect(config.allowedOrigins).toEqual(['http://localhost:5173', 'https://a.b']);
  });
});
