// Pages and panels loaded when first shown (React.lazy): the build makes each a chunk of its
// own, so that nobody downloads what their role never opens (routes.ts, pages/staff.ts).
import { lazy, type ComponentType } from "react";

/** A chunk that could not be fetched: offline, or the portal was updated since this page was
 * loaded and the old chunk is gone. app.tsx offers a reload instead of a blank page. */
export class ChunkLoadFailed extends Error {
  constructor(cause: unknown) {
    super("A part of the portal could not be loaded.", { cause });
    this.name = "ChunkLoadFailed";
  }
}

/** The component `name` of the module `load` imports, loaded on first render. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
) {
  return lazy(() =>
    load().then(
      (module) => ({ default: module[name] }),
      (error: unknown) => {
        throw new ChunkLoadFailed(error);
      },
    ),
  );
}
