// Handing a client over (issue 29): the limit the form and the schema share.
/** A word to the client with the proposal: a few sentences, not a letter. */
export const MAX_HANDOVER_MESSAGE_CHARS = 1000;
