import { setNonce } from 'get-nonce';

/**
 * Hands the page's style nonce to the libraries that inject `<style>` elements at run time.
 * Radix dialogs lock the page behind them with react-remove-scroll, whose stylesheet
 * (react-style-singleton) takes its nonce from get-nonce; without it the server's
 * `style-src` refuses the sheet and the page keeps scrolling behind an open dialog.
 * The server writes a fresh nonce into `<meta property="csp-nonce">` of every shell it sends;
 * the browser hides the attribute once the policy applies, so the `nonce` property is read.
 */
export function applyStyleNonce(): void {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  const nonce = meta?.nonce || meta?.getAttribute('nonce');
  if (nonce) setNonce(nonce);
}
