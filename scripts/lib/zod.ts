// Zod's functional build (`zod/mini`) with its English messages, the ones the full build sets
// up for itself. Bundled alone, the full build (`zod`) took about 50 ms to load and this one 5;
// in the whole bundle a build that stops after its config starts about 12 ms sooner. Every process and worker thread loads it.
import * as z from 'zod/mini';
import {en} from 'zod/locales';

z.config(en());

export {z};
