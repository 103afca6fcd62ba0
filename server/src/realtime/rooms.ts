/** Socket.IO room names, built in one place. */
export const socketRooms = {
  /** Everyone in the event, whatever room they are in: presence, announcements, countdown. */
  event: (eventId: string) => `ev:${eventId}`,
  /** Every socket (tab) of one participant, on any process. */
  participant: (eventId: string, participantId: string) => `ev:${eventId}:p:${participantId}`,
};
