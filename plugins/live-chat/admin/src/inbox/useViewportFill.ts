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
    const observer = new ResizeObserver(measure);
    observer.observe(document.documentElement);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  return [ref, height];
}
