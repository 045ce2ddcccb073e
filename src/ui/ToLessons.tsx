/**
 * A phone shows the side panels below the picture and the tables: this button near the top
 * takes the reader to the Lessons navigation without scrolling past all of it (hidden on wider
 * screens, where the lessons head the side column).
 */
export function ToLessons() {
  function go(): void {
    const nav = document.querySelector<HTMLElement>('nav.lessons');
    nav?.scrollIntoView({ block: 'start' });
    nav?.querySelector<HTMLElement>('a, button')?.focus({ preventScroll: true });
  }
  return <button type="button" className="to-lessons link" onClick={go}>Go to the lessons</button>;
}
