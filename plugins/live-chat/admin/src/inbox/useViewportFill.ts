import * as React from 'react';

/**
 * The height that makes an element end at the bottom of the window, whatever sits above it
 * (Strapi's banners come and go): the inbox scrolls inside its columns, never the whole page.
 */
export function useViewportFill<T extends HTMLElement>(): [React.RefObject<T>, number | undefined] {
  const ref = React.useRef<T>(null);
  const [height, setHeight] = React.useState<number>();
  React.useLayoutEffect(() => {
    const measure = () => {
      const element = ref.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(320, window.innerHeight - top));
    };
    measure();
    // A banner closing above moves the element without resizing anything: DOM changes re-measure,
    // at most once a frame.
    let frame = 0;
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(() => {
        frame = 0;
        measure();
      });
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', schedule);
    };
  }, []);
  return [ref, height];
}
