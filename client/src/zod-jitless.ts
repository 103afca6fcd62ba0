/**
 * Must be the first import of main.ts. zod (used by @mashup/shared) probes
 * once whether it may compile validators with `new Function`; under our CSP
 * (no 'unsafe-eval') the probe fails harmlessly but is logged as a CSP
 * violation in every browser console. Jitless mode skips the probe.
 *
 * zod keeps its global config on `globalThis.__zod_globalConfig` and merges
 * into an existing object, so setting it before zod loads works without the
 * client depending on zod itself. The clean way is `z.config({ jitless: true })`
 * from shared; until shared offers that, this is the one place that knows.
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };

export {};
