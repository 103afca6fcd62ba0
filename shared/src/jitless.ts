/**
 * Import this module first in a browser bundle (`import '@mashup/shared/jitless'`):
 * it switches zod to validation without generated code before any schema exists.
 * zod decides per object schema, when the schema is created, whether to compile a
 * validator with `new Function`; under our CSP (no 'unsafe-eval') that probe
 * fails harmlessly but shows as a CSP violation in every console. The server
 * does not import this and keeps the faster compiled validators.
 */
import { z } from 'zod';

z.config({ jitless: true });
