/** Limits shared by the schemas and the UI (character counters, maxlength). */
export const LIMITS = {
  nameMax: 60,
  orgMax: 80,
  titleMax: 120,
  descriptionMax: 2000,
  chatMax: 1000,
  announcementMax: 500,
  countdownLabelMax: 80,
  /** Chat messages kept per room and sent on join. */
  chatHistory: 200,
  /** Serialized size of one inbound socket payload; larger ones get payload.too_large. */
  payloadMaxBytes: 8 * 1024,
  countdownMaxMs: 24 * 60 * 60 * 1000,
} as const;
