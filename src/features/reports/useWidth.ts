import { useLayoutEffect, useRef, useState } from 'react';

/** Before it is measured (and where nothing measures, as in jsdom): a phone's content width. */
const DEFAULT_WIDTH = 320;

/**
 * The width an element is laid out at, followed as it changes (a phone turned, the window resized), so a chart is
 * drawn at the size it is shown and its text keeps its size. Print scales the SVG by its viewBox if the page is
 * narrower than the screen was.
 */
export function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = Math.floor(element.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
