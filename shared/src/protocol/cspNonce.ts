/**
 * The app shell's style nonce, agreed between the client build and the server. Vite writes this
 * placeholder wherever the shell needs a nonce (`html.cspNonce`: a `<meta property="csp-nonce">`
 * and the shell's own tags); the server replaces it in each answer with a fresh random nonce and
 * allows that nonce in the same answer's `style-src`. The client hands it to the libraries that
 * inject `<style>` elements (Radix dialogs' scroll lock, through get-nonce).
 */
export const CSP_NONCE_PLACEHOLDER = '__WARSZTAT_CSP_NONCE__';
