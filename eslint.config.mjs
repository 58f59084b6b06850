import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ROOT = import.meta.dirname;

// Layers (README, "Layers"): app → components → lib, app → server → lib;
// scripts/ and the seed (prisma/) build on server/ and lib/; tests/ and e2e/
// on anything. Never upward. Each zone lists what one layer may not import.
// Paths are resolved first (the TypeScript resolver below), so `@/…` and
// relative imports are caught alike, and `import type` counts too.
const TYPES_FILE = "lib/trpc/types.ts";
const SEE = '(README, "Layers")';
const layerZones = [
  {
    target: "./lib",
    from: ["./app", "./components", "./server", "./scripts", "./prisma", "./tests", "./e2e"],
    message: `lib/ is the bottom layer and imports no other; server types come through ${TYPES_FILE} only ${SEE}.`,
  },
  {
    target: "./components",
    from: ["./app", "./server", "./scripts", "./prisma", "./tests", "./e2e"],
    message: `components/ import lib/ only: server types through ${TYPES_FILE} (RouterOutputs), server data as props from the page ${SEE}.`,
  },
  {
    target: "./server",
    from: ["./app", "./components", "./scripts", "./prisma", "./tests", "./e2e"],
    message: `server/ imports lib/ only ${SEE}.`,
  },
  {
    target: "./app",
    from: ["./scripts", "./prisma", "./tests", "./e2e"],
    message: `app/ imports components/, server/ and lib/ ${SEE}.`,
  },
  {
    target: "./scripts",
    from: ["./app", "./components", "./tests", "./e2e"],
    message: `scripts/ import server/, lib/ and prisma/ ${SEE}.`,
  },
  {
    target: "./prisma",
    from: ["./app", "./components", "./scripts", "./tests", "./e2e"],
    message: `prisma/ (the seed) imports server/ and lib/ ${SEE}.`,
  },
  {
    target: "./types",
    from: ["./app", "./components", "./lib", "./server", "./scripts", "./prisma", "./tests", "./e2e"],
    message: `types/ only augments packages' types ${SEE}.`,
  },
  {
    // proxy.ts, instrumentation.ts, next.config.ts, …
    target: "./*.*",
    from: ["./tests", "./e2e"],
    message: `Only tests/, e2e/ and their vitest and playwright configs import tests/ or e2e/ ${SEE}.`,
  },
];

const eslintConfig = defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  {
    // Forms go through components/ui/form.tsx: a raw <form> (or a submit
    // button that is live before hydration) submits natively, and a GET puts
    // every field in the URL (docs/security-and-privacy.md, S12).
    files: ["**/*.tsx", "**/*.jsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXOpeningElement[name.name='form']",
          message: "Use <Form> from components/ui/form.tsx: a raw <form> can submit its fields in the URL before the page is interactive.",
        },
        {
          selector:
            "JSXOpeningElement[name.name=/^(button|Button|input)$/] > JSXAttribute[name.name='type'][value.value=/^(submit|image)$/]",
          message: "Use <SubmitButton> from components/ui/form.tsx: it stays disabled until the page is interactive.",
        },
        {
          selector:
            "JSXOpeningElement[name.name=/^(button|Button|input)$/] > JSXAttribute[name.name='type'] > JSXExpressionContainer > Literal[value=/^(submit|image)$/]",
          message: "Use <SubmitButton> from components/ui/form.tsx: it stays disabled until the page is interactive.",
        },
        {
          // A <button> without a type is a submit button, live before hydration.
          selector: "JSXOpeningElement[name.name='button']:not(:has(> JSXAttribute[name.name='type']))",
          message: 'Give a raw <button> type="button", or use <Button> / <SubmitButton> from components/ui.',
        },
        {
          selector: "JSXAttribute[name.name=/^form(Action|Method|EncType|Target|NoValidate)$/]",
          message: "A submit button must not override its form's method or action (components/ui/form.tsx).",
        },
      ],
    },
  },
  {
    // The one place a raw <form> and a submit button are rendered.
    files: ["components/ui/form.tsx"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // One clock (server/clock.ts): server code asks it for the current
    // instant, so tests move time instead of sleeping.
    files: ["server/**/*.ts", "app/**/*.ts"],
    ignores: ["server/clock.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Take the current time from now() in server/clock.ts.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Take the current time from now() in server/clock.ts.",
        },
      ],
    },
  },
  {
    // Server code logs through server/log.ts: JSON lines with ids, never text.
    files: ["server/**/*.ts", "server/**/*.tsx", "app/api/**/*.ts", "proxy.ts", "instrumentation.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-console": "error" },
  },
  {
    // Page weight (README, "Performance"): zod and the input schemas load when
    // a form is first used (components/ui/use-form-submit.ts), never with a
    // page; superjson stays on the server (lib/wire.ts reads its answers).
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", message: "Load schemas on first use: schema: () => import(\"@/lib/schemas/…\").then(…).", allowTypeImports: true },
            { name: "superjson", message: "The browser reads the server's superjson with lib/wire.ts.", allowTypeImports: true },
          ],
          patterns: [
            {
              group: ["@/lib/schemas/*"],
              message: "Load schemas on first use: schema: () => import(\"@/lib/schemas/…\").then(…); shared values are in @/lib/constants/.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The common-password list (380 KB) stays on the server: server/auth/password-policy.ts.
    files: ["components/**", "lib/**", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@zxcvbn-ts/*"], message: "The password list stays on the server: server/auth/password-policy.ts." },
            { group: ["**/server/auth/password-policy"], message: "The password list stays on the server; the server answers with a field error." },
          ],
        },
      ],
    },
  },
  {
    // Layers: layerZones above. The resolver is the one eslint-config-next
    // names, pointed at this tsconfig for `@/…`; an import it cannot resolve
    // is not checked, so tsc's "cannot find module" is the backstop.
    settings: {
      "import/resolver": {
        [require.resolve("eslint-import-resolver-typescript")]: { alwaysTryTypes: true, project: `${ROOT}/tsconfig.json` },
      },
    },
    rules: { "import/no-restricted-paths": ["error", { basePath: ROOT, zones: layerZones }] },
  },
  {
    // The one exception: server types for components/ and lib/, from the
    // router and the database enums only, and only as types (no server code
    // can reach a page through it).
    files: [TYPES_FILE],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          basePath: ROOT,
          zones: [
            {
              target: `./${TYPES_FILE}`,
              from: ["./app", "./components", "./scripts", "./prisma", "./tests", "./e2e"],
              message: `${TYPES_FILE} imports the server's types only ${SEE}.`,
            },
            {
              target: `./${TYPES_FILE}`,
              from: "./server",
              except: ["./api/root.ts", "./db/generated/enums.ts"],
              message: `${TYPES_FILE} takes the router's types (server/api/root.ts) and the database enums, nothing else from server/ ${SEE}.`,
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "ImportDeclaration[importKind!='type']", message: `${TYPES_FILE} holds types only: use \`import type\`.` },
        { selector: "ExportNamedDeclaration[source][exportKind!='type']", message: `${TYPES_FILE} holds types only: use \`export type … from\`.` },
        { selector: "ExportAllDeclaration", message: `${TYPES_FILE} names what it re-exports, as types.` },
      ],
    },
  },
  {
    // Test runners' configs may name tests/ and e2e/ files.
    files: ["vitest.config.ts", "playwright.config.ts", "playwright.*.config.ts"],
    rules: { "import/no-restricted-paths": "off" },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**", "tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    ".data/**",
    "next-env.d.ts",
    "server/db/generated/**",
    "playwright-report/**",
    "test-results/**",
  ]),
]);

export default eslintConfig;
