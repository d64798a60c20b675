import puppeteer, { type Browser } from 'puppeteer-core';
import { systemTool } from './system-tools.js';

/** Headless Chromium, the system's (see systemTool), as the browser tests launch it. */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: systemTool(['chromium', 'chromium-browser', 'google-chrome'], 'chromium'),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}
