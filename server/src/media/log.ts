/**
 * The few logger calls the media plane makes. Structural, so Fastify's pino
 * logger (`app.log`) fits, and tests pass a recorder.
 */
export interface MediaLog {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}
