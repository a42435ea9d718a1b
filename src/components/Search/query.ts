/**
 * The name of the search words in a URL: `#q=` from the header form with
 * JavaScript (a fragment is never sent in a request), `?q=` from the header
 * form without it, or from links made elsewhere.
 */
export const QUERY_PARAM = 'q';
