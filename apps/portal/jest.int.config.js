// The browser tests: real services behind the gateway, the built portal, headless Chromium (deploy/browser.sh installs it).
const base = require('../../jest.preset.js').forProject(__dirname, 'int');
module.exports = { ...base, testTimeout: 240_000 };
