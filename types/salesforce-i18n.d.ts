/**
 * Types for the `@salesforce/i18n/*` scoped modules the components use, which
 * @salesforce/lightning-types (0.8) does not declare. Written from the documented API (LWC
 * Developer Guide: "Internationalize Your Components"): each module's default export is the
 * running user's setting. In Jest, @lwc/jest-transformer supplies the defaults (en-US, USD)
 * unless a test mocks the module; the preview resolves them in preview/build.ts.
 */

declare module '@salesforce/i18n/locale' {
  /** The user's locale as a BCP 47 tag, e.g. "en-US" or "de-DE". */
  const locale: string;
  export default locale;
}

declare module '@salesforce/i18n/currency' {
  /** The user's currency (ISO 4217 code), e.g. "USD" or "EUR". */
  const currency: string;
  export default currency;
}
