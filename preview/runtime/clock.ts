/**
 * Makes the browser's clock read the dataset's "today" (keeping the real time of day), so
 * components that call `new Date()` see the same day as the sample data, and screenshots and
 * tests are stable whatever day they run.
 */
export function installClock(todayIso: string): void {
  const RealDate = Date;
  const now = new RealDate();
  const target = new RealDate(`${todayIso}T00:00:00`);
  target.setHours(now.getHours(), now.getMinutes(), now.getSeconds(), now.getMilliseconds());
  const offset = target.getTime() - now.getTime();
  const previewNow = (): number => RealDate.now() + offset;

  function PreviewDate(this: unknown, ...args: unknown[]): Date | string {
    // Called without `new`, Date() returns the current time as a string.
    if (!new.target) return new RealDate(previewNow()).toString();
    return Reflect.construct(RealDate, args.length > 0 ? args : [previewNow()], new.target) as Date;
  }
  Object.setPrototypeOf(PreviewDate, RealDate);
  PreviewDate.prototype = RealDate.prototype;
  (PreviewDate as unknown as { now: () => number }).now = previewNow;
  globalThis.Date = PreviewDate as unknown as DateConstructor;
}
