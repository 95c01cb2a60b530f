import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './scripts/chromium'

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    locale: 'ru-RU',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
})
