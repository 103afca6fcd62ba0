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
  /** Pecha Kucha: talks per block, slides per deck, slide duration bounds. */
  talksMax: 30,
  slidesMax: 60,
  slideMsMin: 500,
  slideMsMax: 120_000,
  breakMsMax: 10 * 60_000,
  slideTextMax: 2000,
  /** Uploads (bytes). A 20-page PDF with photos is typically 5–30 MB. */
  pdfMaxBytes: 50 * 1024 * 1024,
  imageMaxBytes: 15 * 1024 * 1024,
  deckMaxBytes: 80 * 1024 * 1024,
  videoMaxBytes: 500 * 1024 * 1024,
  videoTitleMax: 120,
  /** Workshop rounds: rounds per event, workshops per round, seats per workshop, round length. */
  roundsMax: 20,
  workshopsMax: 40,
  workshopSeatsMax: 500,
  workshopDescriptionMax: 1000,
  tagMax: 60,
  roundMaxMs: 8 * 60 * 60 * 1000,
  /** Results: text of one item, items per board. */
  resultTextMax: 1000,
  resultItemsMax: 200,
  /**
   * All text on one board. Every change sends the whole board to every client:
   * 50,000 characters is pages of results and keeps one patch well under 100 KB.
   */
  resultBoardTextMax: 50_000,
  /** CSV pre-assignment upload (bytes, rows). */
  csvMaxBytes: 512 * 1024,
  csvRowsMax: 2000,
  /**
   * Lobby tables ("Social Eating", "Get-together"): six is a table where
   * everyone still talks with everyone; twelve keeps a mesh room workable.
   */
  lobbiesMax: 20,
  tablesMax: 40,
  tableSeatsMin: 2,
  tableSeatsDefault: 6,
  tableSeatsMax: 12,
  tableNameMax: 60,
  tableTopicMax: 120,
  /**
   * Speed dating: a round of 10 s is only useful for tests and rehearsals,
   * 3 minutes is the usual; 20 rounds of 3 minutes fill an hour.
   */
  speedDatingsMax: 20,
  speedDatingRoundMsMin: 10_000,
  speedDatingRoundMsMax: 30 * 60_000,
  speedDatingRoundsMax: 20,
  speedDatingTopicsMax: 30,
  speedDatingStarterMax: 200,
  /** Contact details shared with mutual speed-dating contacts (RFC 5321 caps an address at 254). */
  emailMax: 254,
  phoneMax: 40,
} as const;
