// What the server reports, in the page's words: errors of the API, of pages and of documents, and a page result's
// warnings, each by its code and params (codes.js), never by the server's English message.
import { word } from './i18n.js';

/** An error in words: an API error (ApiError) or a stored one ({code, params}: a page's render or model error). */
export const errorWords = (error) => word('error', error?.code ?? 'unknown', error?.params ?? {});

/** A page result's warning ({code, params}) in words. */
export const warningWords = (warning) => word('warning', warning.code, warning.params ?? {});
