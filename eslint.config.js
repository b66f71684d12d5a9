// ESLint flat configuration: the recommended JavaScript rules plus typescript-eslint's
// type-checked recommended rules over the TypeScript program that tsconfig.json describes.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    // Built output, installs, reports and tool scratch folders are not our source.
    ignores: [
      "dist/",
      "node_modules/",
      "coverage/",
      "test-artifacts/",
      "bench/out/",
      "reports/",
      ".stryker-tmp/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // Configuration files outside tsconfig.json's "include" still get type information.
          allowDefaultProject: ["vitest.config.ts"],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      // A leading underscore marks a binding kept on purpose: a loop counter's unused value, an
      // argument a callback must accept, a property left out of a rest spread.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Passing on a rejection received from elsewhere (typed unknown) is not inventing a non-Error one.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingUnknown: true }],
    },
  },
  {
    // Tests read our own outputs back with JSON.parse (typed any) and assert on their fields;
    // declaring a type for each would only restate the schemas the schema tests check. Every
    // other rule stays on in tests.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Plain JavaScript (the bin, benchmarks, fixture generators, this file) runs on Node and is
    // not part of the TypeScript program, so the rules that need type information are off there.
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // The bin is CommonJS (bin/package.json): Node starts a CommonJS entry without its ES module
    // loader, which is part of the command's start-up.
    files: ["bin/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
