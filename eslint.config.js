// SPDX-License-Identifier: GPL-3.0-or-later
// ESLint for the hand-written front-end: the staff pages (ES modules), the web-chat widget (classic
// scripts embedded in other sites) and the Node unit tests. `npx eslint` lints them all.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["**/target/**", "**/node_modules/**", "models/**"] },
  js.configs.recommended,
  {
    files: ["therapist-portal/src/main/resources/portal/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } }
  },
  {
    // The widget runs inside other organisations' sites, old browsers included: ES5 syntax only. Its
    // `catch (e)` blocks keep their (unused) binding, which ES5 requires; ES2015 objects (Promise) are used.
    files: ["bot/src/main/resources/webroot/**/*.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { ...globals.browser, ...globals.es2015 } },
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] }
  },
  {
    files: ["therapist-portal/src/test/js/**/*.js", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } }
  },
  {
    rules: {
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-implicit-globals": "error",
      "no-var": "off"
    }
  }
];
